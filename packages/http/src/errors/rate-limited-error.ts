import { ApiError, type ApiErrorDetails } from "./api-error";

/**
 * HTTP 429: the request budget is spent and every retry allowed was refused too. The service
 * refused the call before acting on it, so even a call that is unsafe to repeat may be sent again,
 * after `retryAfterMs` when the service said how long.
 */
export class RateLimitedError extends ApiError {
  static override readonly code = "RATE_LIMITED";
  override readonly code = "RATE_LIMITED";

  constructor(message: string, details: ApiErrorDetails = {}) {
    super(message, { status: 429, ...details });
  }

  override get retryable(): boolean {
    return true;
  }
}
