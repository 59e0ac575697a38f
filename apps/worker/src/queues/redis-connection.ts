// One ioredis connection per Queue, Worker and QueueEvents, as BullMQ wants, opened through the
// store's one connection helper: producers (the CLI, the web app) fail a command after a few
// retries; the worker's connections wait through a Redis restart, because BullMQ's blocking
// commands must survive it (the store's `bullmq` role: `maxRetriesPerRequest: null`).
import { closeStoreRedis, createStoreRedis } from "@lytics-access/store";
import type { Redis } from "ioredis";
import type { Logger } from "pino";

export type ConnectionRole = "producer" | "worker";

export function createQueueConnection(
  url: string,
  role: ConnectionRole,
  logger?: Logger,
  name?: string,
): Redis {
  return createStoreRedis(url, {
    role: role === "worker" ? "bullmq" : "store",
    ...(name ? { connectionName: name } : {}),
    // Without a listener ioredis re-emits the error as unhandled and the process dies.
    onError: (error) => logger?.warn({ err: error, connection: name }, "redis connection error"),
  });
}

/** Closes a connection whatever its state; safe to call twice. */
export const closeConnection = closeStoreRedis;
