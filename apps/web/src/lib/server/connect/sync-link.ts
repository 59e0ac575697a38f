import "server-only";

import {
  createEnqueuer,
  createWorkerLogger,
  loadWorkerConfig,
  openFirstConnectionImport,
  type Enqueuer,
  type OpenedFirstConnectionImport,
  type WorkerConfig,
} from "@lytics-access/worker";
import { createAuditLogStore, type AuditLogStore } from "@lytics-access/store";

import type { WebEnv } from "../../../env";
import type { Services } from "../services";

/**
 * What the web app uses of the worker (apps/worker's public API): the first-connection import
 * (plan, then accept) and the enqueuer that asks for a "sync now". The worker's settings are
 * derived from the web app's own (same Redis, keyring, OAuth client and endpoints), so the import
 * reads the organization exactly as the worker's reconcile will.
 */
export interface SyncLink {
  /** Its own store connection; close it after use (connecting is rare). */
  openImport(): OpenedFirstConnectionImport;
  enqueuer(): Enqueuer;
  readonly auditLog: AuditLogStore;
  close(): Promise<void>;
}

export function workerConfigFrom(e: WebEnv): WorkerConfig {
  const defined = (value: Record<string, string | undefined>) =>
    Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined));
  return loadWorkerConfig(
    defined({
      REDIS_URL: e.REDIS_URL,
      STORE_KEYRING: e.STORE_KEYRING,
      CONTENTSTACK_REGION: e.CONTENTSTACK_REGION,
      CONTENTSTACK_API_URL: e.CONTENTSTACK_API_URL,
      CONTENTSTACK_APP_URL: e.CONTENTSTACK_APP_URL,
      CONTENTSTACK_DEVELOPER_HUB_URL: e.CONTENTSTACK_DEVELOPER_HUB_URL,
      LYTICS_MANAGEMENT_API_URL: e.LYTICS_MANAGEMENT_API_URL,
      CONTENTSTACK_APP_UID: e.CONTENTSTACK_APP_UID,
      CONTENTSTACK_CLIENT_ID: e.CONTENTSTACK_CLIENT_ID,
      CONTENTSTACK_CLIENT_SECRET: e.CONTENTSTACK_CLIENT_SECRET,
      CONTENTSTACK_REDIRECT_URI: e.CONTENTSTACK_REDIRECT_URI,
      LOG_LEVEL: "warn",
    }),
  );
}

export function createSyncLink(
  svc: Pick<Services, "env" | "redis">,
  options: { queuePrefix?: string } = {},
): SyncLink {
  const config = workerConfigFrom(svc.env);
  const logger = createWorkerLogger({ level: "warn" });
  let enqueuer: Enqueuer | undefined;
  return {
    openImport: () =>
      openFirstConnectionImport(config, { logger, storePrefix: svc.env.STORE_KEY_PREFIX }),
    enqueuer() {
      enqueuer ??= createEnqueuer({
        redisUrl: svc.env.REDIS_URL,
        logger,
        ...(options.queuePrefix ? { prefix: options.queuePrefix } : {}),
      });
      return enqueuer;
    },
    auditLog: createAuditLogStore({ redis: svc.redis, keyPrefix: svc.env.STORE_KEY_PREFIX }),
    async close() {
      await enqueuer?.close();
    },
  };
}

/**
 * After a connection (the import accepted) or a reconnection: tells the workers, so one upserts
 * the organization's schedulers, then asks for a sync at once on the person's behalf. Returns the
 * sync's job id.
 */
export async function installationChangedThenSync(
  link: SyncLink,
  orgUid: string,
  change: "connected" | "reconnected",
  requestedBy: string,
): Promise<string> {
  const enqueuer = link.enqueuer();
  await enqueuer.installationChanged(orgUid, change);
  return enqueuer.syncNow(orgUid, { trigger: "manual", requestedBy });
}

const holder = globalThis as { __laSyncLink?: SyncLink };

export function syncLink(svc: Services): SyncLink {
  holder.__laSyncLink ??= createSyncLink(svc);
  return holder.__laSyncLink;
}

/** Tests point the link at their own queue prefix. */
export function setSyncLinkForTests(value: SyncLink | undefined): void {
  holder.__laSyncLink = value;
}
