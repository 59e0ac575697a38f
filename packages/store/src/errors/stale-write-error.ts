import { StoreError } from "./store-error";

/**
 * A compare-and-set write named a version that is no longer current: someone else wrote first.
 * The caller re-reads and decides again; the newer record is never overwritten.
 */
export class StaleWriteError extends StoreError {
  static override readonly code = "STORE_STALE_WRITE";
  readonly code = "STORE_STALE_WRITE";

  constructor(
    readonly what: string,
    readonly expectedVersion: number,
    /** The version found, or `null` when the record is gone. */
    readonly actualVersion: number | null,
  ) {
    super(
      `stale write to ${what}: expected version ${expectedVersion}, found ${
        actualVersion === null ? "no record" : `version ${actualVersion}`
      }`,
    );
    this.name = "StaleWriteError";
  }
}
