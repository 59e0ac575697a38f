import { ApiError, type ApiErrorDetails } from "./api-error";

/**
 * The body grew past `limitBytes`, so reading stopped and the connection was closed. A service
 * (or something posing as one) must not be able to make us buffer without bound.
 */
export class ResponseTooLargeError extends ApiError {
  static override readonly code = "RESPONSE_TOO_LARGE";
  override readonly code = "RESPONSE_TOO_LARGE";
  readonly limitBytes: number;

  constructor(message: string, details: ApiErrorDetails & { limitBytes: number }) {
    super(message, details);
    this.limitBytes = details.limitBytes;
  }

  override get retryable(): boolean {
    return false;
  }
}
