import type { Redis } from "ioredis";

import { createKeys, type StoreKeys } from "../keys";
import { systemClock, type Clock } from "./clock";

/** What every store factory takes. */
export interface StoreOptions {
  /** The connection (see `createStoreRedis`). The store never closes it. */
  readonly redis: Redis;
  /**
   * Where time comes from.
   * @defaultValue the process clock
   */
  readonly clock?: Clock;
  /**
   * First segment of every key; tests pass a random one for isolation.
   * @defaultValue `"la"`
   */
  readonly keyPrefix?: string;
}

/** The resolved options, defaults applied in one place. */
export interface StoreContext {
  readonly redis: Redis;
  readonly clock: Clock;
  readonly keys: StoreKeys;
}

export function resolveStoreOptions(options: StoreOptions): StoreContext {
  return {
    redis: options.redis,
    clock: options.clock ?? systemClock,
    keys: createKeys(options.keyPrefix),
  };
}
