import { LyticsApiError, type LyticsApiErrorDetails } from "./lytics-api-error";

/**
 * 409: the change conflicts with the current state (the last admin of a project, the project owner,
 * a name already taken). Never retried: repeating it cannot succeed.
 */
export class ConflictError extends LyticsApiError {
  override readonly code = "LYTICS_CONFLICT";

  constructor(details: LyticsApiErrorDetails) {
    super(details);
    this.name = "ConflictError";
  }
}
