import { ApiError, type ApiErrorDetails } from "./api-error";

/**
 * No complete answer within `timeoutMs`. The service may still have acted on the request: read
 * the state back before repeating a call that is unsafe to repeat.
 */
export class TimeoutError extends ApiError {
  static override readonly code = "TIMEOUT";
  override readonly code = "TIMEOUT";
  readonly timeoutMs: number;

  constructor(message: string, details: ApiErrorDetails & { timeoutMs: number }) {
    super(message, details);
    this.timeoutMs = details.timeoutMs;
  }

  override get retryable(): boolean {
    return true;
  }
}
