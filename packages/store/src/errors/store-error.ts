/**
 * The base of every error this package throws. `code` is stable (callers and logs branch on it);
 * the message is for people and never carries a secret.
 */
export abstract class StoreError extends Error {
  abstract readonly code: string;

  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "StoreError";
  }
}
