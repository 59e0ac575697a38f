import { StoreError } from "./store-error";

/**
 * A caller handed a store something it will not write (a missing field, a key part with a brace).
 * Checked before writing so bad data never reaches Redis to become a corrupt record later.
 */
export class InvalidInputError extends StoreError {
  static override readonly code = "STORE_INVALID_INPUT";
  readonly code = "STORE_INVALID_INPUT";

  constructor(
    readonly what: string,
    readonly problems: readonly string[],
  ) {
    super(`invalid ${what}: ${problems.join("; ")}`);
    this.name = "InvalidInputError";
  }
}
