import { ApiError } from "./api-error";

/** HTTP 5xx: the service failed and kept failing through the retries allowed for this call (none for a call that is not safe to repeat). */
export class ServerError extends ApiError {
  static override readonly code = "SERVER_ERROR";
  override readonly code = "SERVER_ERROR";

  override get retryable(): boolean {
    return true;
  }
}
