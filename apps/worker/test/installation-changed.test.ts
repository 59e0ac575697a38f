// An organization connected or disconnected after the worker started gets (or loses) its Job
// Schedulers at once: the web app calls `enqueuer.installationChanged`, a worker ensures them. One
// still awaiting its first-connection import gets none, and nothing runs for it until accepted.
import type {} from "@lytics-access/redis-server/vitest-global-setup";
import {
  createInstallationsStore,
  createSecretBox,
  createAuditLogStore,
  createSyncRunsStore,
} from "@lytics-access/store";
import { describe, expect, inject, it } from "vitest";

import { openFirstConnectionImport } from "../src/connect/open-first-connection-import";
import { seedLocalInstallation, LOCAL_ACME } from "../src/local/seed-local-installation";
import { createWorkerLogger } from "../src/log/create-logger";
import { JOB_NAMES, schedulerId } from "../src/queues/constants";
import { createEnqueuer } from "../src/queues/enqueue";
import { ACME, GLOBEX } from "./support/acme";
import { eventually } from "./support/worker-env";
import { useWorkerWorld } from "./support/worker-world";

const GINA = { uid: "blt_user_gina", email: "gina.owner@globex.test", name: "Gina Owner" };

const world = useWorkerWorld({ env: { MAX_REMOVAL_SHARE: "1" } });
const { keyring, queuePrefix, storePrefix } = world;

async function schedulerIds(): Promise<string[]> {
  const ids: string[] = [];
  for (const queue of Object.values(world.worker.enqueuer.queues))
    for (const scheduler of await queue.getJobSchedulers(0, -1)) ids.push(scheduler.key);
  return ids.sort();
}

describe("installation changes after start", () => {
  it("a connection gets its schedulers (and its first run); a disconnection loses them", async () => {
    expect(await schedulerIds()).toEqual([`poll-audit:${ACME}`, `reconcile:${ACME}`]);

    // The web app: the connect flow stored Globex's installation, then tells the workers.
    await seedLocalInstallation({
      contentstackUrl: world.emulators.contentstack.url,
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
      const runs = createSyncRunsStore({ redis: world.redis, keyPrefix: storePrefix });
      await eventually(
        async () => (await runs.list(GLOBEX)).length > 0 || undefined,
        "Globex's first reconcile",
        300,
      );

      const installations = createInstallationsStore({
        redis: world.redis,
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
      contentstackUrl: world.emulators.contentstack.url,
      redisUrl: inject("redisUrl"),
      keyring,
      storePrefix,
      awaitingImport: true,
    });
    const installations = createInstallationsStore({
      redis: world.redis,
      keyPrefix: storePrefix,
      secretBox: createSecretBox(keyring),
    });
    expect((await installations.get(ACME))?.awaitingImport).toBe(true);
    const runs = createSyncRunsStore({ redis: world.redis, keyPrefix: storePrefix });
    // A run of Acme from before its disconnection may still be finishing: let it record first.
    await eventually(
      async () => (await world.worker.enqueuer.queues.sync.getActiveCount()) === 0,
      "no run in flight",
    );
    const runIds = async () => (await runs.list(ACME)).map((run) => run.runId);
    const runsBefore = new Set(await runIds());

    // A scheduler left from before (or a worker restart) is taken away, not run on.
    await world.worker.enqueuer.queues.audit.upsertJobScheduler(
      schedulerId.pollAuditLog(ACME),
      { every: 3_600_000 },
      { name: JOB_NAMES.pollAuditLog, data: { orgUid: ACME } },
    );
    const ensured = await world.worker.ensureSchedulers();
    expect(ensured.upserted).not.toContain(ACME);
    expect(await schedulerIds()).toEqual([`poll-audit:${GLOBEX}`, `reconcile:${GLOBEX}`]);

    // Belt and braces: a reconcile queued anyway ("sync now") is skipped, and nothing is recorded.
    const jobId = await world.worker.enqueuer.syncNow(ACME, { trigger: "manual" });
    const skipped = await eventually(async () => {
      const job = await world.worker.enqueuer.queues.sync.getJob(jobId);
      return (job?.returnvalue as unknown) ?? undefined;
    }, "the queued reconcile's outcome");
    expect(skipped).toEqual({ status: "skipped", reason: "awaiting-import" });
    expect(await runIds()).toEqual([...runsBefore]);

    // The Owner accepts the import (the web app's POST /api/connection/import), then tells the workers.
    const imports = openFirstConnectionImport(world.worker.config, {
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
    const audit = createAuditLogStore({ redis: world.redis, keyPrefix: storePrefix });
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
