import { LyticsApiError, type LyticsApiErrorDetails } from "./lytics-api-error";

/**
 * 5xx: the service failed, and kept failing through the retries allowed for this call (none for
 * a call that is not safe to repeat).
 */
export class ServerError extends LyticsApiError {
  override readonly code = "LYTICS_SERVER_ERROR";

  constructor(details: LyticsApiErrorDetails) {
    super(details);
    this.name = "ServerError";
  }
}
