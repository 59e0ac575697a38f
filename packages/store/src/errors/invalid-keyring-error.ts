import { StoreError } from "./store-error";

/**
 * The secret-box keyring from configuration is unusable (not JSON, a key that is not 32 bytes, a
 * current key id with no key). Names the fields, never the key material.
 */
export class InvalidKeyringError extends StoreError {
  static override readonly code = "SECRET_BOX_INVALID_KEYRING";
  readonly code = "SECRET_BOX_INVALID_KEYRING";

  constructor(readonly problems: readonly string[]) {
    super(`invalid secret-box keyring: ${problems.join("; ")}`);
    this.name = "InvalidKeyringError";
  }
}
