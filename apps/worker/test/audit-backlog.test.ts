// Change detection with a backlog: more audit-log items newer than the cursor than the old 500-item
// read took. Every item down to the cursor is read (every page), so the oldest unread change still
// reaches a targeted sync; past the per-poll bound, a full reconcile is queued instead.
import type { RunningEmulators } from "@lytics-access/emulators";
import type {} from "@lytics-access/redis-server/vitest-global-setup";
import {
  closeStoreRedis,
  createAuditCursorStore,
  createStoreRedis,
  createSyncRunsStore,
} from "@lytics-access/store";
import type { Redis } from "ioredis";
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from "vitest";

import { seedLocalInstallation } from "../src/local/seed-local-installation";
import { JOB_NAMES } from "../src/queues/constants";
import { startWorker, type RunningWorker } from "../src/start-worker";
import { ACME, control } from "./support/acme";
import {
  eventually,
  startTestEmulators,
  testKeyring,
  testPrefixes,
  workerEnv,
} from "./support/worker-env";

const MONA = "mona.member@acme.test";
const MAX = "max.member@acme.test";
const BACKLOG = 520;

let redis: Redis;
let emulators: RunningEmulators | undefined;
let worker: RunningWorker | undefined;
beforeAll(() => {
  redis = createStoreRedis(inject("redisUrl"));
});
afterEach(async () => {
  await worker?.close();
  await emulators?.close();
  worker = undefined;
  emulators = undefined;
});
afterAll(async () => {
  await closeStoreRedis(redis);
});

/** A world whose audit log holds Mona's promotion, then BACKLOG role changes of Max, all unread. */
async function worldWithBacklog(storePrefix: string, keyring: string): Promise<RunningEmulators> {
  const world = await startTestEmulators();
  await seedLocalInstallation({
    contentstackUrl: world.contentstack.url,
    redisUrl: inject("redisUrl"),
    keyring,
    storePrefix,
  });
  // The emulator's audit timestamps come from the same system clock.
  const now = Date.now();
  // The worker polled last just before all this (its cursor), then was down.
  await createAuditCursorStore({ redis, keyPrefix: storePrefix }).set(ACME, {
    lastUid: "(start)",
    lastCreatedAt: new Date(now - 1).toISOString(),
    recentUids: [],
    updatedAt: Date.now(),
  });
  const roles = (email: string, role: string) =>
    control(world.contentstack.url, `/organizations/${ACME}/members/${email}/roles`, "PUT", {
      org_roles: [role],
    });
  await roles(MONA, "blt_role_acme_admin");
  for (let i = 0; i < BACKLOG; i += 1)
    await roles(MAX, i % 2 === 0 ? "blt_role_acme_admin" : "blt_role_acme_member");
  return world;
}

describe("an audit-log backlog of more than 500 items", () => {
  it("is read down to the cursor: the oldest unread change still gets its targeted sync", async () => {
    const keyring = testKeyring();
    const { queuePrefix, storePrefix } = testPrefixes();
    emulators = await worldWithBacklog(storePrefix, keyring);
    const started = await startWorker({
      env: workerEnv(inject("redisUrl"), emulators, keyring, {
        MAX_REMOVAL_SHARE: "1",
        AUDIT_POLL_INTERVAL_MS: "250",
      }),
      queuePrefix,
      storePrefix,
    });
    worker = started;
    const synced = await eventually(
      async () => {
        const jobs = await started.enqueuer.queues.sync.getJobs(["completed"]);
        const people = jobs
          .filter((job) => job.name === JOB_NAMES.syncPeople)
          .flatMap((job) => ((job.returnvalue ?? {}) as { people?: string[] }).people ?? []);
        return people.includes(MONA) ? people : undefined;
      },
      "a targeted sync of the oldest unread change",
      600,
    );
    expect(synced).toContain(MAX);
    const cursor = await createAuditCursorStore({ redis, keyPrefix: storePrefix }).get(ACME);
    expect(cursor?.lastUid).not.toBe("(start)");
  }, 120_000);

  it("past the per-poll bound, queues a full reconcile rather than skip the older part", async () => {
    const keyring = testKeyring();
    const { queuePrefix, storePrefix } = testPrefixes();
    emulators = await worldWithBacklog(storePrefix, keyring);
    worker = await startWorker({
      env: workerEnv(inject("redisUrl"), emulators, keyring, {
        MAX_REMOVAL_SHARE: "1",
        AUDIT_POLL_INTERVAL_MS: "250",
      }),
      queuePrefix,
      storePrefix,
      maxAuditItemsPerPoll: 100,
    });
    const runs = createSyncRunsStore({ redis, keyPrefix: storePrefix });
    const run = await eventually(
      async () => (await runs.list(ACME)).find((entry) => entry.trigger === "audit-log"),
      "a full reconcile asked for by the poll",
      600,
    );
    expect(["applied", "no-changes"]).toContain(run.outcome);
  }, 120_000);
});
