import { StoreError } from "./store-error";

/** A create names a record that already exists (one grant per person and project, one plan id). */
export class AlreadyExistsError extends StoreError {
  static override readonly code = "STORE_ALREADY_EXISTS";
  readonly code = "STORE_ALREADY_EXISTS";

  constructor(
    readonly what: string,
    /** The id of the record that is already there, when the caller can use it. */
    readonly existingId?: string,
  ) {
    super(`${what} already exists${existingId ? ` (${existingId})` : ""}`);
    this.name = "AlreadyExistsError";
  }
}
