// Public API of @lytics-access/worker: start the worker, seed local mode, and the one way to ask
// for work (the web app and the CLI use `createEnqueuer`).
export { startWorker, type StartWorkerOptions, type RunningWorker } from "./start-worker";
export { seedLocalInstallation, LOCAL_ACME, LOCAL_APP } from "./local/seed-local-installation";
export type { SeedLocalInstallationOptions } from "./local/seed-local-installation";
export { createEnqueuer, type Enqueuer, type EnqueuerOptions } from "./queues/enqueue";
export { JOB_NAMES, QUEUE_NAMES, QUEUE_PREFIX } from "./queues/constants";
export { loadWorkerConfig, workerEnvSchema, type WorkerConfig } from "./config/worker-config";
export { WorkerConfigError } from "./config/worker-config-error";
export {
  createFirstConnectionImport,
  type FirstConnectionImport,
  type FirstConnectionImportDeps,
} from "./connect/first-connection-import";
export {
  openFirstConnectionImport,
  type OpenedFirstConnectionImport,
} from "./connect/open-first-connection-import";
export { createWorkerLogger } from "./log/create-logger";
export { enqueueAndWait, type WaitOptions } from "./cli/wait-for-job";
