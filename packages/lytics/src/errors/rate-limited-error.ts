import { LyticsApiError, type LyticsApiErrorDetails } from "./lytics-api-error";

/**
 * The service answered 429 and every retry did too. Lytics sends no `Retry-After`, so there is no
 * wait to report; a 429 means the call was not applied, so the caller may try it again later.
 */
export class RateLimitedError extends LyticsApiError {
  override readonly code = "LYTICS_RATE_LIMITED";

  constructor(details: LyticsApiErrorDetails) {
    super(details);
    this.name = "RateLimitedError";
  }
}
