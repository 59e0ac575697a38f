import { StoreError } from "./store-error";

/**
 * A ciphertext names a key id the keyring does not hold: the key was retired before every
 * secret was re-encrypted, or the configuration lacks it. Add the key back to decrypt.
 */
export class UnknownKeyIdError extends StoreError {
  static override readonly code = "SECRET_BOX_UNKNOWN_KEY_ID";
  readonly code = "SECRET_BOX_UNKNOWN_KEY_ID";

  constructor(readonly keyId: string) {
    super(
      `ciphertext was encrypted with key id "${keyId}", which the keyring does not hold; add it back to the keyring to decrypt`,
    );
    this.name = "UnknownKeyIdError";
  }
}
