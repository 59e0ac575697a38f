import { ContentstackApiError, type ContentstackErrorDetails } from "./contentstack-api-error";

/** No complete answer within `timeoutMs`. The server may still have acted on the request. */
export class TimeoutError extends ContentstackApiError {
  override readonly code = "TIMEOUT";
  readonly timeoutMs: number;

  constructor(message: string, details: ContentstackErrorDetails & { timeoutMs: number }) {
    super(message, details);
    this.timeoutMs = details.timeoutMs;
  }

  override get transient(): boolean {
    return true;
  }
}
