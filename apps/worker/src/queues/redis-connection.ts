// One ioredis connection per Queue, Worker and QueueEvents, as BullMQ wants. Producers (the CLI,
// the web app) fail a command after one retry; the worker's connections wait through a Redis restart, because BullMQ's
// blocking commands must survive it (`maxRetriesPerRequest: null`).
import { Redis } from "ioredis";
import type { Logger } from "pino";

export type ConnectionRole = "producer" | "worker";

export function createQueueConnection(
  url: string,
  role: ConnectionRole,
  logger?: Logger,
  name?: string,
): Redis {
  const redis = new Redis(url, {
    maxRetriesPerRequest: role === "worker" ? null : 1,
    enableReadyCheck: role !== "worker",
    retryStrategy: (attempt) => Math.min(attempt * 100, 2_000),
    ...(name ? { connectionName: name } : {}),
  });
  // Without a listener ioredis re-emits the error as unhandled and the process dies.
  redis.on("error", (error) =>
    logger?.warn({ err: error, connection: name }, "redis connection error"),
  );
  return redis;
}

/** Closes a connection whatever its state; safe to call twice. */
export async function closeConnection(redis: Redis): Promise<void> {
  if (redis.status === "end") return;
  if (redis.status === "ready") {
    try {
      await redis.quit();
      return;
    } catch {
      // dropped while quitting: fall through
    }
  }
  redis.disconnect();
}
