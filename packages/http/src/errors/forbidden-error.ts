import { ApiError } from "./api-error";

/** HTTP 403: the caller is known but may not do this (a Member listing org users, a project quota reached). */
export class ForbiddenError extends ApiError {
  static override readonly code = "FORBIDDEN";
  override readonly code = "FORBIDDEN";
}
