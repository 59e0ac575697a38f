/**
 * The Contentstack emulator could not be asked (down, 5xx, or an answer of the wrong shape). The
 * Lytics emulator then answers 502 rather than pretending the caller is unauthorized.
 */
export class ContentstackCallError extends Error {
  readonly code = "LYTICS_EMULATOR_CONTENTSTACK_CALL_FAILED";
  /** Contentstack's status when it answered at all (429 is passed on as a throttle, not a 502). */
  readonly upstreamStatus: number | undefined;

  constructor(
    readonly operation: string,
    detail: string,
    options?: { cause?: unknown; status?: number },
  ) {
    super(`Contentstack ${operation} failed: ${detail}`, options);
    this.name = "ContentstackCallError";
    this.upstreamStatus = options?.status;
  }
}
