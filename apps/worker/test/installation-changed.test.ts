// An organization connected or disconnected after the worker started gets (or loses) its Job
// Schedulers at once: the web app calls `enqueuer.installationChanged`, a worker ensures them.
import type { RunningEmulators } from "@lytics-access/emulators";
import type {} from "@lytics-access/redis-server/vitest-global-setup";
import {
  closeStoreRedis,
  createInstallationsStore,
  createSecretBox,
  createStoreRedis,
  createSyncRunsStore,
} from "@lytics-access/store";
import type { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";

import { seedLocalInstallation } from "../src/local/seed-local-installation";
import { createEnqueuer } from "../src/queues/enqueue";
import { startWorker, type RunningWorker } from "../src/start-worker";
import { ACME, GLOBEX } from "./support/acme";
import { eventually, startTestEmulators, testKeyring, testPrefixes, workerEnv } from "./support/worker-env";

const GINA = { uid: "blt_user_gina", email: "gina.owner@globex.test", name: "Gina Owner" };

let emulators: RunningEmulators;
let worker: RunningWorker;
let redis: Redis;
const keyring = testKeyring();
const { queuePrefix, storePrefix } = testPrefixes();

beforeAll(async () => {
  emulators = await startTestEmulators();
  redis = createStoreRedis(inject("redisUrl"));
  await seedLocalInstallation({ contentstackUrl: emulators.contentstack.url, redisUrl: inject("redisUrl"), keyring, storePrefix });
  worker = await startWorker({
    env: workerEnv(inject("redisUrl"), emulators, keyring, { MAX_REMOVAL_SHARE: "1" }),
    queuePrefix,
    storePrefix,
  });
}, 60_000);

afterAll(async () => {
  await worker?.close();
  await closeStoreRedis(redis);
  await emulators?.close();
});

async function schedulerIds(): Promise<string[]> {
  const ids: string[] = [];
  for (const queue of Object.values(worker.enqueuer.queues))
    for (const scheduler of await queue.getJobSchedulers(0, -1)) ids.push(scheduler.key);
  return ids.sort();
}

describe("installation changes after start", () => {
  it("a connection gets its schedulers (and its first run); a disconnection loses them", async () => {
    expect(await schedulerIds()).toEqual([`poll-audit:${ACME}`, `reconcile:${ACME}`]);

    // The web app: the connect flow stored Globex's installation, then tells the workers.
    await seedLocalInstallation({
      contentstackUrl: emulators.contentstack.url,
      redisUrl: inject("redisUrl"),
      keyring,
      storePrefix,
      orgUid: GLOBEX,
      person: GINA,
    });
    const webApp = createEnqueuer({ redisUrl: inject("redisUrl"), prefix: queuePrefix });
    try {
      await webApp.installationChanged(GLOBEX, "connected");
      await eventually(
        async () => (await schedulerIds()).includes(`reconcile:${GLOBEX}`) || undefined,
        "Globex's schedulers",
      );
      const runs = createSyncRunsStore({ redis, keyPrefix: storePrefix });
      await eventually(async () => (await runs.list(GLOBEX)).length > 0 || undefined, "Globex's first reconcile", 300);

      const installations = createInstallationsStore({ redis, keyPrefix: storePrefix, secretBox: createSecretBox(keyring) });
      await installations.disconnect(ACME);
      await webApp.installationChanged(ACME, "disconnected");
      const ids = await eventually(
        async () => {
          const now = await schedulerIds();
          return now.some((id) => id.endsWith(ACME)) ? undefined : now;
        },
        "Acme's schedulers removed",
      );
      expect(ids).toEqual([`poll-audit:${GLOBEX}`, `reconcile:${GLOBEX}`]);
    } finally {
      await webApp.close();
    }
  }, 120_000);
});
