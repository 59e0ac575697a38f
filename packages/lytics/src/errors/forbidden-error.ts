import { LyticsApiError, type LyticsApiErrorDetails } from "./lytics-api-error";

/**
 * 403: the credential is valid but may not do this (seed 002 rules on the Management API, a token
 * without the needed role on v2, or the organization's project quota: `apiCode`
 * `lytics.PROJECTS.MAX_PROJECT_LIMIT_REACHED`). Never retried.
 */
export class ForbiddenError extends LyticsApiError {
  override readonly code = "LYTICS_FORBIDDEN";

  constructor(details: LyticsApiErrorDetails) {
    super(details);
    this.name = "ForbiddenError";
  }
}
