import { ApiError, type ApiErrorDetails } from "./api-error";

/**
 * Why a response could not be used:
 * - `unparseable`: not complete JSON (a connection cut mid-body, a proxy page);
 * - `schema`: JSON of a shape the API does not document;
 * - `unexpected-status`: a success status the endpoint does not document (200 where 204 is the contract);
 * - `inconsistent`: well-formed pages that contradict each other (a short page while `count` says more).
 */
export type InvalidResponseReason = "unparseable" | "schema" | "unexpected-status" | "inconsistent";

/** A successful status with a body we refuse to trust. A half-read list is never returned as whole. */
export class InvalidResponseError extends ApiError {
  static override readonly code = "INVALID_RESPONSE";
  override readonly code = "INVALID_RESPONSE";
  readonly reason: InvalidResponseReason;

  constructor(message: string, details: ApiErrorDetails & { reason: InvalidResponseReason }) {
    super(message, details);
    this.reason = details.reason;
  }

  /** A body cut in transit is a transport failure; a wrong shape will be wrong again. */
  override get retryable(): boolean {
    return this.reason === "unparseable";
  }
}
