import { setTimeout as delay } from "node:timers/promises";

import { z } from "zod";

import type { Key } from "../keys";
import { LuaScript } from "../support/lua-script";
import { checkInput } from "../support/parse-record";
import { resolveStoreOptions, type StoreOptions } from "../support/store-options";

/** A bucket's limits. */
export interface RateLimit {
  /** Tokens added per second (the API's sustained rate). */
  readonly ratePerSecond: number;
  /** Most tokens the bucket holds (the burst the API tolerates). */
  readonly burst: number;
}

/** The answer to one attempt. */
export type RateDecision =
  { readonly granted: true } | { readonly granted: false; readonly retryInMs: number };

/** Options of {@link createRateLimiter}. */
export interface RateLimiterOptions extends Omit<StoreOptions, "clock"> {
  /**
   * How `acquire` waits; tests pass one that records the waits.
   * @defaultValue a timer
   */
  readonly sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  /**
   * Tests only: the time (epoch ms) the scripts use instead of Redis `TIME`, so refills and
   * pauses follow a clock the test moves rather than the speed of the machine. Production leaves
   * it out: every replica must measure on the one Redis clock.
   * @defaultValue Redis server time
   */
  readonly now?: () => number;
}

/**
 * A token bucket in Redis shared by every worker replica (open-source BullMQ has no per-group
 * limiter). One bucket per organization and API, so one organization's throttling never stalls
 * another's.
 *
 * Time comes from Redis (`TIME` inside the script), not from an injected clock: every replica then
 * measures refills on one clock, and a worker host whose clock drifts cannot over- or under-fill
 * the shared bucket. Hence this store takes no `clock` option (only a test-only `now`).
 */
export interface RateLimiter {
  /** The bucket of one organization's calls to one API, e.g. `("blt1", "lytics-management")`. */
  bucketKey(orgUid: string, api: string): Key;
  /** Takes `cost` tokens now, or says how long until they would be there. */
  tryAcquire(bucket: Key, limit: RateLimit, cost?: number): Promise<RateDecision>;
  /**
   * Waits until `cost` tokens are taken.
   * @throws the signal's reason when aborted while waiting
   */
  acquire(
    bucket: Key,
    limit: RateLimit,
    options?: { cost?: number; signal?: AbortSignal },
  ): Promise<void>;
  /**
   * Empties the bucket and refuses it for `ms` (the API answered 429 with Retry-After): every
   * replica then waits, instead of each finding out with its own 429.
   */
  pause(bucket: Key, ms: number): Promise<void>;
}

// The time in ms: ARGV[n] when a test passed one, else the Redis server's clock.
const NOW_FROM = (arg: number) => `local now = tonumber(ARGV[${arg}])
if not now then
  local t = redis.call('TIME')
  now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
end`;

// KEYS: bucket. ARGV: rate per second, burst, cost, [now]. Returns {1, 0} or {0, retry ms}.
const TAKE = new LuaScript(
  "rate-limit-take",
  `${NOW_FROM(4)}
local rate, burst, cost = tonumber(ARGV[1]), tonumber(ARGV[2]), tonumber(ARGV[3])
local state = redis.call('HMGET', KEYS[1], 'tokens', 'ts', 'blockedUntil')
local tokens, ts, blocked = tonumber(state[1]), tonumber(state[2]), tonumber(state[3])
local ttl = math.ceil(burst / rate * 1000) + 1000
if blocked and blocked > now then return {0, blocked - now} end
if not tokens then tokens, ts = burst, now end
tokens = math.min(burst, tokens + math.max(0, now - ts) * rate / 1000)
if tokens >= cost then
  redis.call('HSET', KEYS[1], 'tokens', tokens - cost, 'ts', now)
  redis.call('HDEL', KEYS[1], 'blockedUntil')
  redis.call('PEXPIRE', KEYS[1], ttl)
  return {1, 0}
end
redis.call('HSET', KEYS[1], 'tokens', tokens, 'ts', now)
redis.call('PEXPIRE', KEYS[1], ttl)
return {0, math.ceil((cost - tokens) * 1000 / rate)}`,
);

// KEYS: bucket. ARGV: pause ms, [now].
const PAUSE = new LuaScript(
  "rate-limit-pause",
  `${NOW_FROM(2)}
local untilMs = now + tonumber(ARGV[1])
local current = tonumber(redis.call('HGET', KEYS[1], 'blockedUntil'))
if current and current > untilMs then untilMs = current end
redis.call('HSET', KEYS[1], 'tokens', 0, 'ts', untilMs, 'blockedUntil', untilMs)
redis.call('PEXPIRE', KEYS[1], untilMs - now + 60000)
return untilMs - now`,
);

const limitSchema = z.strictObject({
  ratePerSecond: z.number().positive().finite(),
  burst: z.number().positive().finite(),
});

/** Creates the shared rate limiter. */
export function createRateLimiter(options: RateLimiterOptions): RateLimiter {
  const { redis, keys } = resolveStoreOptions(options);
  const sleep =
    options.sleep ?? ((ms: number, signal?: AbortSignal) => delay(ms, undefined, { signal }));
  const now = (): Array<number> => (options.now ? [options.now()] : []);

  async function tryAcquire(bucket: Key, limit: RateLimit, cost = 1): Promise<RateDecision> {
    const checked = checkInput(limitSchema, limit, "rate limit");
    if (!(cost > 0 && cost <= checked.burst))
      throw new RangeError(`cost ${cost} must be above 0 and at most the burst (${checked.burst})`);
    const [granted, retryInMs] = (await TAKE.run(
      redis,
      [bucket],
      [checked.ratePerSecond, checked.burst, cost, ...now()],
    )) as [number, number];
    return granted === 1
      ? { granted: true }
      : { granted: false, retryInMs: Math.max(1, retryInMs) };
  }

  return {
    bucketKey: (orgUid, api) => keys.rateLimit(orgUid, api),
    tryAcquire,
    async acquire(bucket, limit, acquireOptions = {}) {
      for (;;) {
        acquireOptions.signal?.throwIfAborted();
        const decision = await tryAcquire(bucket, limit, acquireOptions.cost);
        if (decision.granted) return;
        try {
          await sleep(decision.retryInMs, acquireOptions.signal);
        } catch (error) {
          // Timers reject with a generic AbortError; the caller's own reason says more.
          acquireOptions.signal?.throwIfAborted();
          throw error;
        }
      }
    },
    async pause(bucket, ms) {
      if (!(ms > 0)) return;
      await PAUSE.run(redis, [bucket], [Math.ceil(ms), ...now()]);
    },
  };
}
