import { LyticsApiError, type LyticsApiErrorDetails } from "./lytics-api-error";

/**
 * 400 or 422: the service refused the request body or parameters. Never retried.
 */
export class BadRequestError extends LyticsApiError {
  override readonly code = "LYTICS_BAD_REQUEST";

  constructor(details: LyticsApiErrorDetails) {
    super(details);
    this.name = "BadRequestError";
  }
}
