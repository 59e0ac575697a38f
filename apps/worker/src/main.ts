// The worker process: settings from the environment, one ordered shutdown on SIGTERM/SIGINT with a
// deadline. A second signal while shutting down changes nothing; a shutdown that overruns the
// deadline exits non-zero so the supervisor knows.
import { WorkerConfigError } from "./config/worker-config-error";
import { loadWorkerConfig } from "./config/worker-config";
import { createWorkerLogger } from "./log/create-logger";
import { startWorker } from "./start-worker";

async function main(): Promise<void> {
  let config;
  try {
    config = loadWorkerConfig();
  } catch (error) {
    if (error instanceof WorkerConfigError) {
      console.error(error.message);
      process.exit(2);
    }
    throw error;
  }
  const logger = createWorkerLogger({ level: config.logLevel });
  const worker = await startWorker({ config, logger });
  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, "shutting down");
    // The workers get the deadline; the rest (queues, server, connections) gets a little more.
    const hardStop = setTimeout(() => {
      logger.error("shutdown overran its deadline; exiting");
      process.exit(1);
    }, config.shutdownDeadlineMs + 5_000);
    hardStop.unref();
    worker.close().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error({ err: error }, "shutdown failed");
        process.exit(1);
      },
    );
  };
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
  // Printed once, for supervisors and tests that wait for readiness.
  console.log(JSON.stringify({ msg: "worker ready", http: worker.httpUrl }));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
