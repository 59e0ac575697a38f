/**
 * A failure the operator command reports as one line and a non-zero exit: 2 for a usage or
 * settings problem (nothing was tried), 1 for a command that was tried and failed.
 */
export class CliError extends Error {
  readonly code: "CLI_USAGE" | "CLI_FAILED";
  readonly exitCode: 1 | 2;

  constructor(message: string, kind: "usage" | "failed" = "failed") {
    super(message);
    this.name = "CliError";
    this.code = kind === "usage" ? "CLI_USAGE" : "CLI_FAILED";
    this.exitCode = kind === "usage" ? 2 : 1;
  }
}
