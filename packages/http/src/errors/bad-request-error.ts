import { ApiError } from "./api-error";

/** HTTP 400 or 422: the service refused the request body or parameters; `fieldErrors` names each field when the service did. Never retried. */
export class BadRequestError extends ApiError {
  static override readonly code = "BAD_REQUEST";
  override readonly code = "BAD_REQUEST";
}
