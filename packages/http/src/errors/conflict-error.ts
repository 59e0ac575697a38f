import { ApiError } from "./api-error";

/** HTTP 409: the change contradicts the current state (the last admin of a project, a name taken). */
export class ConflictError extends ApiError {
  static override readonly code = "CONFLICT";
  override readonly code = "CONFLICT";
}
