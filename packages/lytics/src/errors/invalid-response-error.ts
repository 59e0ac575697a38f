import { LyticsApiError, type LyticsApiErrorDetails } from "./lytics-api-error";

/** Why a response could not be used. */
export type InvalidResponseReason =
  /** The body ended early (a cut connection, a proxy timeout) or was not JSON at all. */
  | "unparseable"
  /** The body was JSON but not the shape the API documents (or the emulator contract). */
  | "unexpected-shape"
  /** A status the endpoint does not document for success (e.g. 200 where 204 is the contract). */
  | "unexpected-status";

/**
 * A successful status came with a body we cannot trust. A half-read list is never returned as if
 * it were complete: this error is thrown instead.
 */
export class InvalidResponseError extends LyticsApiError {
  override readonly code = "LYTICS_INVALID_RESPONSE";
  readonly reason: InvalidResponseReason;

  constructor(details: LyticsApiErrorDetails & { reason: InvalidResponseReason }) {
    super(details);
    this.name = "InvalidResponseError";
    this.reason = details.reason;
  }
}
