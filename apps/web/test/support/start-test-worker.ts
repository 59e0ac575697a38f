import { startWorker, type RunningWorker, type WorkerConfig } from "@lytics-access/worker";

import { workerConfigFrom, type SyncLink } from "../../src/lib/server/connect/sync-link";
import type { Services } from "../../src/lib/server/services";

/**
 * A real worker on the web services' Redis, store prefix and keyring, listening on the sync link's
 * queues (so what the web app queues, it runs), with no HTTP port of its own and schedules far
 * apart: a test asks for every run it needs.
 */
export async function startTestWorker(
  svc: Services,
  link: SyncLink,
  overrides: Partial<Pick<WorkerConfig, "maxRemovalShare">> & {
    /** The sync's clock (grant expiry); a test moves it instead of waiting. */
    now?: () => number;
  } = {},
): Promise<RunningWorker> {
  const { now, ...configOverrides } = overrides;
  const config = workerConfigFrom(svc.env);
  return startWorker({
    ...(now ? { now } : {}),
    config: {
      ...config,
      http: { ...config.http, port: 0 },
      syncIntervalMs: 3_600_000,
      auditPollIntervalMs: 3_600_000,
      logLevel: "silent",
      ...configOverrides,
    },
    queuePrefix: link.enqueuer().queues.sync.opts.prefix ?? "",
    storePrefix: svc.env.STORE_KEY_PREFIX,
  });
}

/** The emulated Lytics accounts and their users, as the emulator holds them now. */
export async function lyticsAccounts(
  lyticsUrl: string,
): Promise<{ aid: number; users: { email: string; roles: string[] }[] }[]> {
  const response = await fetch(`${lyticsUrl}/_emulator/lytics/store`);
  return (
    (await response.json()) as {
      accounts: { aid: number; users: { email: string; roles: string[] }[] }[];
    }
  ).accounts;
}

/** Polls `check` until it returns a value, or fails at the deadline (no fixed sleeps). */
export async function eventually<T>(
  check: () => Promise<T | undefined | false | null>,
  what: string,
  deadlineMs = 20_000,
): Promise<T> {
  const end = Date.now() + deadlineMs;
  for (;;) {
    const value = await check();
    if (value !== undefined && value !== false && value !== null) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
