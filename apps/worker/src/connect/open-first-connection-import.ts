// The first-connection import outside a running worker (the launcher, the CLI, the web app's
// connect flow): its own store connection and clients from the worker's settings, closed after.
import type { Logger } from "pino";

import type { WorkerConfig } from "../config/worker-config";
import { createWorkerMetrics } from "../http/worker-metrics";
import { openStores } from "../runtime/open-stores";
import { createAppOAuthClient } from "./create-app-oauth-client";
import { createFirstConnectionImport, type FirstConnectionImport } from "./first-connection-import";

export interface OpenedFirstConnectionImport extends FirstConnectionImport {
  close(): Promise<void>;
}

export function openFirstConnectionImport(
  config: WorkerConfig,
  options: { logger: Logger; storePrefix?: string },
): OpenedFirstConnectionImport {
  const stores = openStores({
    redisUrl: config.redisUrl,
    keyring: config.keyring,
    auditRetentionDays: config.auditRetentionDays,
    logger: options.logger,
    ...(options.storePrefix ? { keyPrefix: options.storePrefix } : {}),
  });
  const service = createFirstConnectionImport({
    config,
    installations: stores.installations,
    oauth: createAppOAuthClient(config, options.logger),
    limiter: stores.limiter,
    // Not the worker's registry: these calls are not the worker's to report.
    metrics: createWorkerMetrics({ defaultMetrics: false }),
    logger: options.logger,
    state: stores,
    grants: stores.grants,
    auditLog: stores.auditLog,
  });
  return {
    ...service,
    async close() {
      await stores.redis.quit().catch(() => stores.redis.disconnect());
    },
  };
}
