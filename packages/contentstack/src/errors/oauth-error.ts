import { ApiError, type ApiErrorDetails } from "@lytics-access/http";

/**
 * The OAuth flow failed: the token endpoint refused a grant (`invalid_grant` for a reused or
 * expired code or a rotated refresh token), the callback carried an error, or the state did not
 * match. `apiCode` holds the RFC 6749 `error` string when the server sent one.
 */
export class OAuthError extends ApiError {
  static override readonly code = "OAUTH_FAILED";
  override readonly code = "OAUTH_FAILED";
  /** RFC 6749 `error_description`, when sent. */
  readonly description: string | undefined;

  constructor(
    message: string,
    details: ApiErrorDetails & {
      /** The RFC 6749 `error` string; kept as `apiCode`. */
      apiErrorCode?: string | undefined;
      description?: string | undefined;
    } = {},
  ) {
    super(message, {
      api: "contentstack-oauth",
      ...details,
      apiCode: details.apiCode ?? details.apiErrorCode,
    });
    this.description = details.description;
  }
}
