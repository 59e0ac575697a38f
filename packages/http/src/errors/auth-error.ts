import { ApiError } from "./api-error";

/** HTTP 401: the credential is missing, expired or revoked (after one refresh, when the credential can refresh). Retrying with the same credential cannot help. */
export class AuthError extends ApiError {
  static override readonly code = "UNAUTHORIZED";
  override readonly code = "UNAUTHORIZED";
}
