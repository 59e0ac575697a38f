import { StoreError } from "./store-error";

/** The Redis URL from configuration is missing or is not a redis:// or rediss:// URL. */
export class InvalidRedisUrlError extends StoreError {
  static override readonly code = "STORE_INVALID_REDIS_URL";
  readonly code = "STORE_INVALID_REDIS_URL";

  constructor(reason: string) {
    super(`invalid Redis URL: ${reason}`);
    this.name = "InvalidRedisUrlError";
  }
}
