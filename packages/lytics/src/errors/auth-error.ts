import { LyticsApiError, type LyticsApiErrorDetails } from "./lytics-api-error";

/**
 * 401: the token or authtoken is missing, expired or revoked (a refreshed token was tried once
 * when the credentials can refresh). Retrying with the same credential cannot help.
 */
export class AuthError extends LyticsApiError {
  override readonly code = "LYTICS_UNAUTHORIZED";

  constructor(details: LyticsApiErrorDetails) {
    super(details);
    this.name = "AuthError";
  }
}
