import { ApiError, type ApiErrorDetails } from "./api-error";

/**
 * The connection failed or was cut before a complete answer arrived (refused, reset, DNS). A
 * refused connection (`connectionRefused`) proves nothing reached the service, so any call may be
 * repeated; after any other network failure a write may or may not have been applied.
 */
export class NetworkError extends ApiError {
  static override readonly code = "NETWORK_ERROR";
  override readonly code = "NETWORK_ERROR";
  readonly connectionRefused: boolean;

  constructor(message: string, details: ApiErrorDetails & { connectionRefused?: boolean } = {}) {
    super(message, details);
    this.connectionRefused = details.connectionRefused ?? false;
  }

  override get retryable(): boolean {
    return true;
  }
}
