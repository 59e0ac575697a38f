/**
 * The organization's shared request budget for one API is shut for longer than a job should hold
 * a worker slot (another replica saw a 429 with a long Retry-After, or the bucket is that tight).
 * Thrown before any request is sent; the job is re-delayed for `retryAfterMs`, so other
 * organizations' jobs keep the slot.
 */
export class OrgThrottledError extends Error {
  readonly code = "RATE_LIMITED";
  readonly status = 429;
  constructor(
    readonly orgUid: string,
    readonly api: string,
    readonly retryAfterMs: number,
  ) {
    super(`The ${api} budget of ${orgUid} is shut for another ${retryAfterMs} ms`);
    this.name = "OrgThrottledError";
  }
}
