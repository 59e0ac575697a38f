import { ContentstackApiError } from "./contentstack-api-error";

/** HTTP 403: the caller is signed in but may not do this (e.g. a Member listing org users). */
export class ForbiddenError extends ContentstackApiError {
  override readonly code = "FORBIDDEN";
}
