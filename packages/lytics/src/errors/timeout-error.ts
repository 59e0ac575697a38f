import { LyticsApiError, type LyticsApiErrorDetails } from "./lytics-api-error";

/**
 * No complete answer arrived within `timeoutMs`. For a write that is not safe to repeat, the
 * change may or may not have been applied: read the state back before trying again.
 */
export class TimeoutError extends LyticsApiError {
  override readonly code = "LYTICS_TIMEOUT";

  constructor(details: LyticsApiErrorDetails) {
    super(details);
    this.name = "TimeoutError";
  }
}
