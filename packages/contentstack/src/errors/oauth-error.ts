import { ContentstackApiError, type ContentstackErrorDetails } from "./contentstack-api-error";

/**
 * The OAuth flow failed: the token endpoint refused a grant (`invalid_grant` for a reused or
 * expired code or a rotated refresh token), the callback carried an error, or the state did not
 * match. `apiErrorCode` holds the RFC 6749 `error` string when the server sent one.
 */
export class OAuthError extends ContentstackApiError {
  override readonly code = "OAUTH_FAILED";
  /** RFC 6749 `error_description`, when sent. */
  readonly description: string | undefined;

  constructor(
    message: string,
    details: ContentstackErrorDetails & { description?: string | undefined } = {},
  ) {
    super(message, details);
    this.description = details.description;
  }
}
