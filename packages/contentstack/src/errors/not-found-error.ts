import { ContentstackApiError } from "./contentstack-api-error";

/** HTTP 404: the organization, user or authorization does not exist (or is not visible). */
export class NotFoundError extends ContentstackApiError {
  override readonly code = "NOT_FOUND";
}
