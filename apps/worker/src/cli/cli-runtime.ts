// What every operator command shares: the worker's own validated settings, and the stores, the
// enqueuer and an organization's clients opened lazily (a command opens only what it uses) and
// closed once at the end. The pieces are the worker's own (openStores, createEnqueuer,
// createSyncRunner, openOrgClients), so the CLI plans, enqueues and reads exactly as the worker does.
import { createOAuthClient, type OAuthClient } from "@lytics-access/contentstack";
import { closeStoreRedis, type Installation } from "@lytics-access/store";
import { pino, type Logger } from "pino";

import { createSyncRunner } from "../adapters/create-sync-runner";
import { openOrgClients, type OrgClients } from "../adapters/org-clients";
import { loadWorkerConfig, type WorkerConfig } from "../config/worker-config";
import { WorkerConfigError } from "../config/worker-config-error";
import { createWorkerMetrics } from "../http/worker-metrics";
import type { OrgSyncRunner } from "../jobs/org-sync-runner";
import { createWorkerLogger } from "../log/create-logger";
import { QUEUE_PREFIX } from "../queues/constants";
import { createEnqueuer, type Enqueuer } from "../queues/enqueue";
import { openStores, type AllStores } from "../runtime/open-stores";
import { CliError } from "./cli-error";

/**
 * Key prefixes, for a worker started with non-default ones (`startWorker({ queuePrefix,
 * storePrefix })`, as tests do). Production leaves both unset.
 */
export const CLI_PREFIX_ENV = Object.freeze({
  queue: "LYTICS_ACCESS_QUEUE_PREFIX",
  store: "LYTICS_ACCESS_STORE_PREFIX",
});

export interface CliRuntime {
  readonly config: WorkerConfig;
  readonly logger: Logger;
  readonly queuePrefix: string;
  stores(): AllStores;
  enqueuer(): Enqueuer;
  /** The organization's installation, or a CliError saying it is not connected. */
  installation(orgUid: string): Promise<Installation>;
  /** The organization's Contentstack and Lytics clients, on its stored credential. */
  orgClients(orgUid: string): Promise<OrgClients>;
  /** The worker's sync runner (the same wiring `startWorker` uses). */
  syncRunner(): OrgSyncRunner;
  close(): Promise<void>;
}

/** The worker's settings as one line, naming each bad variable (never its value). */
export function loadCliConfig(env: Record<string, string | undefined>): WorkerConfig {
  try {
    return loadWorkerConfig(env);
  } catch (error) {
    if (error instanceof WorkerConfigError)
      throw new CliError(
        `the worker's settings are invalid: ${error.problems.join("; ")}`,
        "usage",
      );
    throw error;
  }
}

export function openCliRuntime(env: Record<string, string | undefined>): CliRuntime {
  const config = loadCliConfig(env);
  // Progress and warnings go to stderr, so stdout stays the command's result (CSV, JSON, a diff).
  // Quiet unless LOG_LEVEL says otherwise; secrets are redacted as in the worker.
  const logger = createWorkerLogger({
    level: env.LOG_LEVEL ?? "warn",
    destination: pino.destination({ fd: 2, sync: true }),
  });
  const queuePrefix = env[CLI_PREFIX_ENV.queue] || QUEUE_PREFIX;
  const storePrefix = env[CLI_PREFIX_ENV.store] || undefined;
  let stores: AllStores | undefined;
  let enqueuer: Enqueuer | undefined;
  let oauth: OAuthClient | undefined;
  let runner: OrgSyncRunner | undefined;
  const metrics = createWorkerMetrics({ defaultMetrics: false });

  const openedStores = () =>
    (stores ??= openStores({
      redisUrl: config.redisUrl,
      keyring: config.keyring,
      auditRetentionDays: config.auditRetentionDays,
      heldPlanRetentionDays: config.heldPlanRetentionDays,
      logger,
      ...(storePrefix ? { keyPrefix: storePrefix } : {}),
    }));
  const oauthClient = () =>
    (oauth ??= createOAuthClient({
      ...(config.contentstack.region ? { region: config.contentstack.region } : {}),
      overrides: config.contentstack.overrides,
      appUid: config.contentstack.oauth.appUid,
      clientId: config.contentstack.oauth.clientId,
      ...(config.contentstack.oauth.clientSecret
        ? { clientSecret: config.contentstack.oauth.clientSecret }
        : {}),
      redirectUri: config.contentstack.oauth.redirectUri,
      logger,
    }));
  const clientDeps = () => ({
    config,
    installations: openedStores().installations,
    oauth: oauthClient(),
    limiter: openedStores().limiter,
    metrics,
    logger,
  });

  const installation = async (orgUid: string) => {
    const found = await openedStores().installations.get(orgUid);
    if (!found)
      throw new CliError(`organization ${orgUid} is not connected (no installation in the store)`);
    return found;
  };

  return {
    config,
    logger,
    queuePrefix,
    stores: openedStores,
    enqueuer: () =>
      (enqueuer ??= createEnqueuer({ redisUrl: config.redisUrl, logger, prefix: queuePrefix })),
    installation,
    async orgClients(orgUid) {
      return openOrgClients(clientDeps(), await installation(orgUid));
    },
    syncRunner() {
      if (!runner) {
        const s = openedStores();
        runner = createSyncRunner({
          ...clientDeps(),
          state: s,
          appliedSteps: s.appliedSteps,
          heldPlans: s.heldPlans,
          auditLog: s.auditLog,
          redis: s.redis,
          prefix: queuePrefix,
          maxRemovalShare: config.maxRemovalShare,
          memberDirectory: s.memberDirectory,
        });
      }
      return runner;
    },
    async close() {
      await enqueuer?.close().catch(() => undefined);
      if (stores) await closeStoreRedis(stores.redis).catch(() => undefined);
    },
  };
}
