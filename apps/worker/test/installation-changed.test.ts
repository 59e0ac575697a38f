// An organization connected or disconnected after the worker started gets (or loses) its Job
// Schedulers at once: the web app calls `enqueuer.installationChanged`, a worker ensures them. One
// still awaiting its first-connection import gets none, and nothing runs for it until accepted.
import type { RunningEmulators } from "@lytics-access/emulators";
import type {} from "@lytics-access/redis-server/vitest-global-setup";
import {
  closeStoreRedis,
  createInstallationsStore,
  createSecretBox,
  createStoreRedis,
  createAuditLogStore,
  createSyncRunsStore,
} from "@lytics-access/store";
import type { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";

import { openFirstConnectionImport } from "../src/connect/open-first-connection-import";
import { seedLocalInstallation, LOCAL_ACME } from "../src/local/seed-local-installation";
import { createWorkerLogger } from "../src/log/create-logger";
import { JOB_NAMES, schedulerId } from "../src/queues/constants";
import { createEnqueuer } from "../src/queues/enqueue";
import { startWorker, type RunningWorker } from "../src/start-worker";
import { ACME, GLOBEX } from "./support/acme";
import {
  eventually,
  startTestEmulators,
  testKeyring,
  testPrefixes,
  workerEnv,
} from "./support/worker-env";

const GINA = { uid: "blt_user_gina", email: "gina.owner@globex.test", name: "Gina Owner" };

let emulators: RunningEmulators;
let worker: RunningWorker;
let redis: Redis;
const keyring = testKeyring();
const { queuePrefix, storePrefix } = testPrefixes();

beforeAll(async () => {
  emulators = await startTestEmulators();
  redis = createStoreRedis(inject("redisUrl"));
  await seedLocalInstallation({
    contentstackUrl: emulators.contentstack.url,
    redisUrl: inject("redisUrl"),
    keyring,
    storePrefix,
  });
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
      await eventually(
        async () => (await runs.list(GLOBEX)).length > 0 || undefined,
        "Globex's first reconcile",
        300,
      );

      const installations = createInstallationsStore({
        redis,
        keyPrefix: storePrefix,
        secretBox: createSecretBox(keyring),
      });
      await installations.disconnect(ACME);
      await webApp.installationChanged(ACME, "disconnected");
      const ids = await eventually(async () => {
        const now = await schedulerIds();
        return now.some((id) => id.endsWith(ACME)) ? undefined : now;
      }, "Acme's schedulers removed");
      expect(ids).toEqual([`poll-audit:${GLOBEX}`, `reconcile:${GLOBEX}`]);
    } finally {
      await webApp.close();
    }
  }, 120_000);

  it("an organization awaiting its import gets no schedulers and no run; after the acceptance it gets both", async () => {
    // Acme was disconnected above: connecting it again is a first connection, awaiting its import.
    await seedLocalInstallation({
      contentstackUrl: emulators.contentstack.url,
      redisUrl: inject("redisUrl"),
      keyring,
      storePrefix,
      awaitingImport: true,
    });
    const installations = createInstallationsStore({
      redis,
      keyPrefix: storePrefix,
      secretBox: createSecretBox(keyring),
    });
    expect((await installations.get(ACME))?.awaitingImport).toBe(true);
    const runs = createSyncRunsStore({ redis, keyPrefix: storePrefix });
    // A run of Acme from before its disconnection may still be finishing: let it record first.
    await eventually(
      async () => (await worker.enqueuer.queues.sync.getActiveCount()) === 0,
      "no run in flight",
    );
    const runIds = async () => (await runs.list(ACME)).map((run) => run.runId);
    const runsBefore = new Set(await runIds());

    // A scheduler left from before (or a worker restart) is taken away, not run on.
    await worker.enqueuer.queues.audit.upsertJobScheduler(
      schedulerId.pollAuditLog(ACME),
      { every: 3_600_000 },
      { name: JOB_NAMES.pollAuditLog, data: { orgUid: ACME } },
    );
    const ensured = await worker.ensureSchedulers();
    expect(ensured.upserted).not.toContain(ACME);
    expect(await schedulerIds()).toEqual([`poll-audit:${GLOBEX}`, `reconcile:${GLOBEX}`]);

    // Belt and braces: a reconcile queued anyway ("sync now") is skipped, and nothing is recorded.
    const jobId = await worker.enqueuer.syncNow(ACME, { trigger: "manual" });
    const skipped = await eventually(async () => {
      const job = await worker.enqueuer.queues.sync.getJob(jobId);
      return (job?.returnvalue as unknown) ?? undefined;
    }, "the queued reconcile's outcome");
    expect(skipped).toEqual({ status: "skipped", reason: "awaiting-import" });
    expect(await runIds()).toEqual([...runsBefore]);

    // The Owner accepts the import (the web app's POST /api/connection/import), then tells the workers.
    const imports = openFirstConnectionImport(worker.config, {
      logger: createWorkerLogger({ level: "silent" }),
      storePrefix,
    });
    try {
      const plan = await imports.plan(ACME);
      await imports.accept(ACME, plan.importId, { type: "person", ...LOCAL_ACME.owner });
    } finally {
      await imports.close();
    }
    expect((await installations.get(ACME))?.awaitingImport).toBe(false);
    const audit = createAuditLogStore({ redis, keyPrefix: storePrefix });
    expect((await audit.read(ACME, { kinds: ["import-accepted"] })).entries).toEqual([
      expect.objectContaining({ actor: expect.objectContaining({ uid: LOCAL_ACME.owner.uid }) }),
    ]);

    const webApp = createEnqueuer({ redisUrl: inject("redisUrl"), prefix: queuePrefix });
    try {
      await webApp.installationChanged(ACME, "connected");
      await eventually(async () => {
        const ids = await schedulerIds();
        return (
          (ids.includes(`reconcile:${ACME}`) && ids.includes(`poll-audit:${ACME}`)) || undefined
        );
      }, "Acme's schedulers");
      await eventually(
        async () => (await runIds()).some((id) => !runsBefore.has(id)) || undefined,
        "Acme's first reconcile",
        300,
      );
    } finally {
      await webApp.close();
    }
  }, 120_000);
});
