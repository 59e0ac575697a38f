import { StoreError } from "./store-error";

/**
 * A ciphertext failed authentication or is malformed: tampered with, truncated, or bound to
 * another organization or purpose (copied from another org's record). Never says more than why.
 */
export class DecryptError extends StoreError {
  static override readonly code = "SECRET_BOX_DECRYPT_FAILED";
  readonly code = "SECRET_BOX_DECRYPT_FAILED";

  constructor(reason: string) {
    super(`cannot decrypt secret: ${reason}`);
    this.name = "DecryptError";
  }
}
