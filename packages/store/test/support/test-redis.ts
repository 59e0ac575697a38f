import { randomBytes, randomUUID } from "node:crypto";

import type { Redis } from "ioredis";
import { afterAll, inject } from "vitest";

import type {} from "@lytics-access/redis-server/vitest-global-setup";

import { closeStoreRedis, createStoreRedis } from "../../src/connection/create-store-redis";
import type { Clock } from "../../src/support/clock";

/** One connection per test file to the run's private redis-server, closed after the file. */
export function useRedis(): Redis {
  const redis = createStoreRedis(inject("redisUrl"));
  afterAll(() => closeStoreRedis(redis));
  return redis;
}

/** A key prefix and an org uid no other test uses. */
export function isolation(): { keyPrefix: string; orgUid: string } {
  return {
    keyPrefix: `t${randomBytes(6).toString("hex")}`,
    orgUid: `org${randomUUID().slice(0, 8)}`,
  };
}

/** A clock the test moves by hand. */
export function manualClock(
  start = Date.UTC(2026, 0, 1),
): Clock & { advance(ms: number): void; set(ms: number): void } {
  let now = start;
  return {
    now: () => now,
    advance: (ms) => {
      now += ms;
    },
    set: (ms) => {
      now = ms;
    },
  };
}

/** Every key and value under a prefix, as raw strings (for "no secret in Redis" checks). */
export async function dumpPrefix(redis: Redis, keyPrefix: string): Promise<string> {
  const keys: string[] = [];
  let cursor = "0";
  do {
    const [next, batch] = await redis.scan(cursor, "MATCH", `${keyPrefix}:*`, "COUNT", "1000");
    keys.push(...batch);
    cursor = next;
  } while (cursor !== "0");
  const parts: string[] = [];
  for (const key of keys) {
    const type = await redis.type(key);
    if (type === "string") parts.push(key, (await redis.get(key)) ?? "");
    else if (type === "hash") parts.push(key, JSON.stringify(await redis.hgetall(key)));
    else if (type === "list") parts.push(key, JSON.stringify(await redis.lrange(key, 0, -1)));
    else if (type === "set") parts.push(key, JSON.stringify(await redis.smembers(key)));
    else if (type === "zset") parts.push(key, JSON.stringify(await redis.zrange(key, "0", "-1")));
    else if (type === "stream") parts.push(key, JSON.stringify(await redis.xrange(key, "-", "+")));
  }
  return parts.join("\n");
}

/** A keyring with fresh random keys. */
export function testKeyring(ids: readonly string[] = ["k1"], current = ids[0] ?? "k1") {
  return {
    currentKeyId: current,
    keys: Object.fromEntries(ids.map((id) => [id, randomBytes(32).toString("base64")])),
  };
}

/**
 * Lets a key's Redis expiry (a lease, a lock) run out now, after checking that one was set and
 * is no longer than `atMostMs`: what waiting it out would show, without racing the machine's speed.
 */
export async function lapseNow(redis: Redis, key: string, atMostMs: number): Promise<void> {
  const left = await redis.pttl(key);
  if (!(left > 0 && left <= atMostMs))
    throw new Error(`expected ${key} to expire within ${atMostMs} ms, its PTTL is ${left}`);
  // A non-positive expiry is Redis's own "the time is up": the key goes at once.
  await redis.pexpire(key, 0);
}
