import { ApiError } from "./api-error";

/** HTTP 401: the credential is missing, expired or revoked (after one refresh, when the credential can refresh). Retrying with the same credential cannot help. */
export class AuthError extends ApiError {
  override readonly code = "UNAUTHORIZED";
}
