import { ContentstackApiError, type ContentstackErrorDetails } from "./contentstack-api-error";

/**
 * Why a response could not be used: `unparsable` (not JSON, e.g. cut mid-transfer), `schema` (JSON
 * of the wrong shape) or `inconsistent` (well-formed pages that contradict each other, such as a
 * short page while `count` says more, or an empty member list for an organization with an owner).
 */
export type InvalidResponseReason = "unparsable" | "schema" | "inconsistent";

/** A 2xx answer we refuse to trust. Never treat the data as partial-but-complete. */
export class InvalidResponseError extends ContentstackApiError {
  override readonly code = "INVALID_RESPONSE";
  readonly reason: InvalidResponseReason;

  constructor(
    message: string,
    details: ContentstackErrorDetails & { reason: InvalidResponseReason },
  ) {
    super(message, details);
    this.reason = details.reason;
  }

  /** A body cut in transit is a transport failure; a wrong shape will be wrong again. */
  override get transient(): boolean {
    return this.reason === "unparsable";
  }
}
