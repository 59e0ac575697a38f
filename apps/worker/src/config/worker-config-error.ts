/** The worker's environment is missing or malformed; one line per variable, never its value. */
export class WorkerConfigError extends Error {
  readonly code = "WORKER_CONFIG_INVALID";
  readonly problems: readonly string[];

  constructor(problems: readonly string[]) {
    super(`The worker's settings are invalid:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.name = "WorkerConfigError";
    this.problems = problems;
  }
}
