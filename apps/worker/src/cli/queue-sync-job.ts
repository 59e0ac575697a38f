// What `apply`, `sync-person` and `approve --wait` share: queue one job on the worker's sync queue,
// then either say its id and stop, or wait for the worker and read the job's report.
import { QUEUE_NAMES } from "../queues/constants";
import type { Enqueuer } from "../queues/enqueue";
import type { CliOutput } from "./cli-output";
import type { CliRuntime } from "./cli-runtime";
import { readJobResult, type JobResult } from "./run-summary";
import { enqueueAndWait } from "./wait-for-job";

export interface QueueSyncJobOptions {
  /** What is queued, as the messages say it: `${orgUid}: sync`. */
  readonly what: string;
  /** Wait for the worker's report; false prints `<what> queued as job <id>` and returns undefined. */
  readonly wait: boolean;
  readonly timeoutMs: number;
  /** Queues the job; returns its id. */
  readonly enqueue: (enqueuer: Enqueuer) => Promise<string>;
}

/** @throws CliError when the job failed or did not finish in time (it then stays queued) */
export async function queueSyncJob(
  runtime: CliRuntime,
  output: CliOutput,
  options: QueueSyncJobOptions,
): Promise<JobResult | undefined> {
  const enqueuer = runtime.enqueuer();
  const enqueue = () => options.enqueue(enqueuer);
  if (!options.wait) {
    output.out(`${options.what} queued as job ${await enqueue()}`);
    return undefined;
  }
  const { result } = await enqueueAndWait(
    {
      redisUrl: runtime.config.redisUrl,
      queue: enqueuer.queues[QUEUE_NAMES.sync],
      prefix: runtime.queuePrefix,
      timeoutMs: options.timeoutMs,
    },
    enqueue,
    (jobId) => output.err(`${options.what} queued as job ${jobId}; waiting for the worker…`),
  );
  return readJobResult(result);
}
