/**
 * Thrown when a step that must read the whole organization (the first-connection import) gets a
 * member listing the listing guard refuses: an import built on it would misjudge who is a member.
 */
export class UntrustedListingError extends Error {
  readonly code = "UNTRUSTED_LISTING" as const;

  constructor(
    /** The listing guard's rule id, e.g. `safety.listing.truncated`. */
    readonly rule: string,
    reason: string,
  ) {
    super(reason);
    this.name = "UntrustedListingError";
  }
}
