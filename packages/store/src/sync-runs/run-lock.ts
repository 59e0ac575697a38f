import { randomUUID } from "node:crypto";

import { LockNotHeldError } from "../errors/lock-not-held-error";
import { LuaScript } from "../support/lua-script";
import { resolveStoreOptions, type StoreOptions } from "../support/store-options";

/**
 * How long a lock lives unless extended. Long enough for a slow listing between extensions,
 * short enough that a killed worker's organization is picked up again soon.
 */
export const DEFAULT_RUN_LOCK_TTL_MS = 60_000;

/** A held run lock. */
export interface RunLock {
  readonly orgUid: string;
  /** This holder's secret token; only it can extend or release the lock. */
  readonly token: string;
  /**
   * Pushes the expiry out by `ttlMs` from now.
   * @throws {@link LockNotHeldError} when the lock expired or another worker holds it: stop writing
   */
  extend(ttlMs?: number): Promise<void>;
  /** Releases the lock if this holder still has it; idempotent. Returns whether it was held. */
  release(): Promise<boolean>;
}

/** The per-organization run lock: no organization is synced by two workers at once. */
export interface RunLockStore {
  /** Takes the lock, or `null` when another worker holds it. */
  acquire(orgUid: string, options?: { ttlMs?: number }): Promise<RunLock | null>;
  /** Whether any worker holds the organization's lock. */
  isLocked(orgUid: string): Promise<boolean>;
}

// Compare-and-act: only the token's owner may extend or delete, so a worker whose lock expired
// (a long GC pause) cannot release the lock another worker took since.
const EXTEND = new LuaScript(
  "extend-run-lock",
  `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('PEXPIRE', KEYS[1], ARGV[2]) end
return 0`,
);
const RELEASE = new LuaScript(
  "release-run-lock",
  `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0`,
);

/** Creates the run-lock store. */
export function createRunLockStore(
  options: StoreOptions & { defaultTtlMs?: number },
): RunLockStore {
  const { redis, keys } = resolveStoreOptions(options);
  const defaultTtl = options.defaultTtlMs ?? DEFAULT_RUN_LOCK_TTL_MS;

  return {
    async acquire(orgUid, acquireOptions = {}) {
      const key = keys.runLock(orgUid);
      const token = randomUUID();
      const taken = await redis.set(key, token, "PX", acquireOptions.ttlMs ?? defaultTtl, "NX");
      if (taken !== "OK") return null;
      let released = false;
      return {
        orgUid,
        token,
        async extend(ttlMs = defaultTtl) {
          if (released || Number(await EXTEND.run(redis, [key], [token, ttlMs])) !== 1)
            throw new LockNotHeldError(orgUid);
        },
        async release() {
          if (released) return false;
          released = true;
          return Number(await RELEASE.run(redis, [key], [token])) === 1;
        },
      };
    },
    async isLocked(orgUid) {
      return (await redis.exists(keys.runLock(orgUid))) === 1;
    },
  };
}
