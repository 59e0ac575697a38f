// Enqueue-and-wait for the commands that ask the worker for a run ("sync now", one person, an
// approved plan). QueueEvents is listening before the job is added, and waitUntilFinished also
// checks the job's state first, so a job that finishes at once is never missed.
import { Job, QueueEvents, type Queue } from "bullmq";

import { closeConnection, createQueueConnection } from "../queues/redis-connection";
import { CliError } from "./cli-error";

export interface WaitOptions {
  readonly redisUrl: string;
  readonly queue: Queue;
  readonly prefix: string;
  readonly timeoutMs: number;
}

/**
 * Runs `enqueue` (which returns a job id) and waits for that job's return value.
 * @throws CliError when the job failed or did not finish in time (it then stays queued)
 */
export async function enqueueAndWait(
  options: WaitOptions,
  enqueue: () => Promise<string>,
  onQueued?: (jobId: string) => void,
): Promise<{ jobId: string; result: unknown }> {
  const connection = createQueueConnection(options.redisUrl, "worker", undefined, "cli:events");
  const events = new QueueEvents(options.queue.name, {
    connection,
    prefix: options.prefix,
    autorun: true,
  });
  events.on("error", () => undefined);
  try {
    await events.waitUntilReady();
    const jobId = await enqueue();
    onQueued?.(jobId);
    const job = await Job.fromId(options.queue, jobId);
    if (!job) throw new CliError(`job ${jobId} is no longer in the queue`);
    try {
      return { jobId, result: await job.waitUntilFinished(events, options.timeoutMs) };
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      if (/timed out/i.test(message))
        throw new CliError(
          `job ${jobId} did not finish within ${Math.round(options.timeoutMs / 1000)} s (is a worker running?); it stays queued`,
        );
      throw new CliError(`job ${jobId} failed: ${message}`);
    }
  } finally {
    await events.close().catch(() => undefined);
    await closeConnection(connection);
  }
}
