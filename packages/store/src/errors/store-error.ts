/** Marks every StoreError, whichever copy of this package made it. */
const STORE_ERROR_BRAND = Symbol.for("@lytics-access/store:StoreError");

/**
 * The base of every error this package throws. `code` is stable (callers and logs branch on it);
 * the message is for people and never carries a secret.
 */
export abstract class StoreError extends Error {
  /** The code every instance of the class carries; `instanceof` falls back on it (below). */
  static readonly code: string | undefined = undefined;

  /**
   * `instanceof` that also holds across copies of this package: Next bundles a server package once
   * per layer, so a StaleWriteError thrown by one copy would not be one to another copy's class.
   * Every instance carries a brand from the global symbol registry; an error from another copy
   * matches when it has the brand and the class's fixed code (as packages/http's ApiError does).
   */
  static override [Symbol.hasInstance](
    this: { readonly code?: string | undefined },
    value: unknown,
  ): boolean {
    if (Function.prototype[Symbol.hasInstance].call(this, value)) return true;
    if (typeof value !== "object" || value === null || !(STORE_ERROR_BRAND in value)) return false;
    return this.code === undefined || (value as { code?: unknown }).code === this.code;
  }

  abstract readonly code: string;

  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    Object.defineProperty(this, STORE_ERROR_BRAND, { value: true });
    this.name = "StoreError";
  }
}
