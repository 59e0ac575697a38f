import { StoreError } from "./store-error";

/**
 * A record read back from Redis does not have the shape this code wrote. Thrown rather than
 * skipped: a record that silently disappears from a listing (a grant, a held plan) would change
 * what the sync enforces. The message names the key and the offending fields, never the values.
 */
export class CorruptRecordError extends StoreError {
  static override readonly code = "STORE_CORRUPT_RECORD";
  readonly code = "STORE_CORRUPT_RECORD";

  constructor(
    /** The Redis key (and hash field or stream id, when there is one) that holds the record. */
    readonly location: string,
    /** `path: message` per problem, without the offending values. */
    readonly problems: readonly string[],
  ) {
    super(`corrupt record at ${location}: ${problems.join("; ")}`);
    this.name = "CorruptRecordError";
  }
}
