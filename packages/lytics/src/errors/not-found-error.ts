import { LyticsApiError, type LyticsApiErrorDetails } from "./lytics-api-error";

/**
 * 404: the project, collaborator, account or user does not exist, or is not on this account.
 * Lookups that can sensibly answer "absent" return `null` instead of throwing this.
 */
export class NotFoundError extends LyticsApiError {
  override readonly code = "LYTICS_NOT_FOUND";

  constructor(details: LyticsApiErrorDetails) {
    super(details);
    this.name = "NotFoundError";
  }
}
