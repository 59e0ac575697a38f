import { StoreError } from "./store-error";

/** An update or a read that needs a record names one that does not exist. */
export class NotFoundError extends StoreError {
  static override readonly code = "STORE_NOT_FOUND";
  readonly code = "STORE_NOT_FOUND";

  constructor(readonly what: string) {
    super(`${what} not found`);
    this.name = "NotFoundError";
  }
}
