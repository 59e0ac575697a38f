import { ApiError } from "./api-error";

/** HTTP 404: no such organization, project, user or authorization, or not one the caller may see. */
export class NotFoundError extends ApiError {
  static override readonly code = "NOT_FOUND";
  override readonly code = "NOT_FOUND";
}
