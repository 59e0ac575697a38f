import { ContentstackApiError } from "./contentstack-api-error";

/** HTTP 401: the authtoken or access token is missing, expired or revoked (CMA error_code 105). */
export class AuthError extends ContentstackApiError {
  override readonly code = "AUTH_FAILED";
}
