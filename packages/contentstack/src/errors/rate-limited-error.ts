import { ContentstackApiError, type ContentstackErrorDetails } from "./contentstack-api-error";

/**
 * HTTP 429: the organization's request budget (10 reads/s, 10 writes/s) is spent. The server
 * refused the call before acting on it, so even a non-idempotent request may be sent again.
 */
export class RateLimitedError extends ContentstackApiError {
  override readonly code = "RATE_LIMITED";
  /** How long the server asked us to wait (Retry-After), when it said. */
  readonly retryAfterMs: number | undefined;

  constructor(
    message: string,
    details: ContentstackErrorDetails & { retryAfterMs?: number | undefined } = {},
  ) {
    super(message, { status: 429, ...details });
    this.retryAfterMs = details.retryAfterMs;
  }

  override get transient(): boolean {
    return true;
  }
}
