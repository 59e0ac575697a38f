// The operator surface of a worker: liveness, readiness, Prometheus metrics and the queue view.
// It binds loopback by default; the queue view can retry and delete jobs, so it always asks for
// the operator token.
import { createBullBoard } from "@bull-board/api";
import { BullMQAdapter } from "@bull-board/api/bullMQAdapter";
import { FastifyAdapter } from "@bull-board/fastify";
import type { Queue } from "bullmq";
import Fastify from "fastify";
import type { Logger } from "pino";

import { isOperator } from "./operator-auth";
import type { WorkerMetrics } from "./worker-metrics";

export interface WorkerHttpServerOptions {
  host: string;
  port: number;
  operatorToken: string | undefined;
  metrics: WorkerMetrics;
  queues: readonly Queue[];
  /** Redis reachable and workers running. */
  ready(): Promise<{ ok: boolean; checks: Record<string, boolean> }>;
  logger: Logger;
}

export interface WorkerHttpServer {
  readonly url: string;
  close(): Promise<void>;
}

const QUEUE_VIEW_PATH = "/queues";

export async function startWorkerHttpServer(
  options: WorkerHttpServerOptions,
): Promise<WorkerHttpServer> {
  const app = Fastify({ logger: false });

  app.get("/healthz", async () => ({ status: "ok" }));

  app.get("/readyz", async (_request, reply) => {
    const result = await options.ready().catch(() => ({ ok: false, checks: {} }));
    return reply
      .code(result.ok ? 200 : 503)
      .send({ status: result.ok ? "ready" : "not ready", ...result });
  });

  app.get("/metrics", async (_request, reply) => {
    await refreshQueueDepth(options);
    return reply
      .type(options.metrics.registry.contentType)
      .send(await options.metrics.registry.metrics());
  });

  await app.register(async (scope) => {
    scope.addHook("onRequest", async (request, reply) => {
      if (!isOperator(request.headers.authorization, options.operatorToken)) {
        return reply
          .code(401)
          .header("www-authenticate", 'Basic realm="lytics-access queues", charset="UTF-8"')
          .send({ error: "operator token required" });
      }
    });
    const board = new FastifyAdapter();
    createBullBoard({
      queues: options.queues.map((queue) => new BullMQAdapter(queue)),
      serverAdapter: board,
    });
    board.setBasePath(QUEUE_VIEW_PATH);
    await scope.register(board.registerPlugin(), { prefix: QUEUE_VIEW_PATH });
  });

  const address = await app.listen({ host: options.host, port: options.port });
  options.logger.info({ url: address }, "worker http server listening");
  let closing: Promise<void> | undefined;
  return {
    url: address,
    close: () => (closing ??= app.close()),
  };
}

async function refreshQueueDepth(options: WorkerHttpServerOptions): Promise<void> {
  for (const queue of options.queues) {
    try {
      const counts = await queue.getJobCounts(
        "waiting",
        "active",
        "delayed",
        "failed",
        "prioritized",
      );
      for (const [state, count] of Object.entries(counts))
        options.metrics.queueDepth.set({ queue: queue.name, state }, count);
    } catch (error) {
      options.logger.warn({ err: error, queue: queue.name }, "queue depth unavailable");
    }
  }
}
