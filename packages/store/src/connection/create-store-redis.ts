import { Redis, type RedisOptions } from "ioredis";

import { InvalidRedisUrlError } from "../errors/invalid-redis-url-error";
import { withoutCommandArgs } from "./without-command-args";

/**
 * What a connection is for.
 * - `store`: the stores of this package. A command fails after a few reconnect attempts instead of
 *   waiting forever, so a web request answers "try again" rather than hanging.
 * - `bullmq`: a BullMQ Queue or Worker. BullMQ requires `maxRetriesPerRequest: null` so its blocking
 *   commands survive a Redis restart instead of throwing mid-job.
 */
export type StoreRedisRole = "store" | "bullmq";

/** Options of {@link createStoreRedis}. */
export interface CreateStoreRedisOptions {
  /**
   * @defaultValue `"store"`
   */
  readonly role?: StoreRedisRole;
  /**
   * Called with every connection error. Without a listener ioredis prints them itself; the
   * worker passes its logger. The error never holds the password: ioredis does not echo the URL,
   * and the arguments of a refused AUTH (which ioredis keeps on the error) are redacted first.
   */
  readonly onError?: (error: Error) => void;
  /** Name shown by CLIENT LIST, so an operator can tell replicas and roles apart. */
  readonly connectionName?: string;
}

const ROLE_OPTIONS = Object.freeze({
  store: Object.freeze({ maxRetriesPerRequest: 3 }),
  bullmq: Object.freeze({ maxRetriesPerRequest: null, enableReadyCheck: false }),
} satisfies Record<StoreRedisRole, RedisOptions>);

/** Checks a Redis URL from configuration. */
export function parseRedisUrl(url: string | undefined): URL {
  if (url === undefined || url.trim() === "") throw new InvalidRedisUrlError("it is empty");
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new InvalidRedisUrlError("it is not a URL");
  }
  if (parsed.protocol !== "redis:" && parsed.protocol !== "rediss:")
    throw new InvalidRedisUrlError(`protocol ${parsed.protocol} is not redis: or rediss:`);
  return parsed;
}

/**
 * Opens an ioredis connection with the options this project relies on.
 *
 * @param url - `redis://[user:password@]host:port[/db]` or `rediss://…` for TLS
 * @throws {@link InvalidRedisUrlError} when the URL is missing or not a Redis URL
 */
export function createStoreRedis(url: string, options: CreateStoreRedisOptions = {}): Redis {
  parseRedisUrl(url);
  const redis = new Redis(url, {
    ...ROLE_OPTIONS[options.role ?? "store"],
    ...(options.connectionName ? { connectionName: options.connectionName } : {}),
    // Back off up to 2 s between reconnects: fast after a blip, gentle during an outage.
    retryStrategy: (attempt) => Math.min(attempt * 100, 2000),
  });
  // No listener by default: ioredis then reports errors itself, which beats swallowing them.
  const onError = options.onError;
  if (onError) redis.on("error", (error: Error) => onError(withoutCommandArgs(error)));
  return redis;
}

/**
 * Closes a connection whatever its state: QUIT when it is up (pending replies arrive first),
 * a plain disconnect otherwise (QUIT would wait for a reconnect that may never come). Idempotent.
 */
export async function closeStoreRedis(redis: Redis): Promise<void> {
  if (redis.status === "end") return;
  if (redis.status === "ready") {
    try {
      await redis.quit();
      return;
    } catch {
      // fall through: the connection dropped while quitting
    }
  }
  redis.disconnect();
}
