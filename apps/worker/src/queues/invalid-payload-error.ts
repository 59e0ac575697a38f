/** A payload did not match its schema; never retried, since it would fail the same way. */
export class InvalidPayloadError extends Error {
  readonly code = "INVALID_JOB_PAYLOAD";
  constructor(jobName: string, problems: readonly string[]) {
    super(`Invalid payload for ${jobName}: ${problems.join("; ")}`);
    this.name = "InvalidPayloadError";
  }
}
