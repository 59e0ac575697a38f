import * as oauth from "oauth4webapi";

import { OAuthError } from "../errors/oauth-error";

/** Maps whatever oauth4webapi or the network threw into one typed {@link OAuthError}. */
export function toOAuthError(error: unknown, kind: string, status: number | undefined): Error {
  if (error instanceof OAuthError) return error;
  if (error instanceof oauth.ResponseBodyError) {
    return new OAuthError(
      `OAuth ${kind} refused: ${error.error}${error.error_description ? ` (${error.error_description})` : ""}`,
      {
        status: error.status,
        apiErrorCode: error.error,
        description: error.error_description,
        cause: error,
      },
    );
  }
  if (error instanceof oauth.AuthorizationResponseError) {
    return new OAuthError(
      `OAuth authorization failed: ${error.error}${error.error_description ? ` (${error.error_description})` : ""}`,
      {
        apiErrorCode: error.error,
        description: error.error_description,
        cause: error,
      },
    );
  }
  const message = error instanceof Error ? error.message : String(error);
  return new OAuthError(`OAuth ${kind} failed: ${message}`, { status, cause: error });
}
