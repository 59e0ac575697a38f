// Issue 9 "Tests": two workers (separate startWorker instances, separate connections) on the same
// queues at once. No change is applied twice (each stepId audited once), and no organization is
// synced by both at the same time: its runs, as recorded in the run history, never overlap.
import type { RunningEmulators } from "@lytics-access/emulators";
import type {} from "@lytics-access/redis-server/vitest-global-setup";
import {
  closeStoreRedis,
  createStoreRedis,
  createSyncRunsStore,
  type SyncRun,
} from "@lytics-access/store";
import type { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";

import { seedLocalInstallation } from "../src/local/seed-local-installation";
import { startWorker, type RunningWorker } from "../src/start-worker";
import {
  ACME,
  addFault,
  addToAcme,
  allAuditEntries,
  changeEntries,
  extraPeople,
  startEmulatorsWithPeople,
} from "./support/acme";
import { eventually, testKeyring, testPrefixes, workerEnv } from "./support/worker-env";

let emulators: RunningEmulators;
let redis: Redis;
const workers: RunningWorker[] = [];
const keyring = testKeyring();
const { queuePrefix, storePrefix } = testPrefixes();
const people = extraPeople(12, "twin");

beforeAll(async () => {
  emulators = await startEmulatorsWithPeople(people);
  redis = createStoreRedis(inject("redisUrl"));
  await seedLocalInstallation({
    contentstackUrl: emulators.contentstack.url,
    redisUrl: inject("redisUrl"),
    keyring,
    storePrefix,
  });
}, 60_000);

afterAll(async () => {
  await Promise.all(workers.map((worker) => worker.close()));
  await closeStoreRedis(redis);
  await emulators?.close();
});

function overlapping(runs: readonly SyncRun[]): [SyncRun, SyncRun][] {
  const sorted = [...runs].sort((a, b) => a.startedAt - b.startedAt);
  const pairs: [SyncRun, SyncRun][] = [];
  for (let i = 1; i < sorted.length; i += 1) {
    const [previous, current] = [sorted[i - 1] as SyncRun, sorted[i] as SyncRun];
    if (current.startedAt < previous.finishedAt) pairs.push([previous, current]);
  }
  return pairs;
}

describe("two workers on the same queues", () => {
  it("never apply a change twice nor sync one organization at the same time", async () => {
    await addFault(emulators.lytics.url, {
      route: "*",
      method: "POST",
      fault: { kind: "latency", ms: 50 },
    });
    const env = workerEnv(inject("redisUrl"), emulators, keyring, {
      MAX_REMOVAL_SHARE: "1",
      AUDIT_POLL_INTERVAL_MS: "200",
      WORKER_CONCURRENCY: "4",
    });
    const [a, b] = await Promise.all([
      startWorker({ env, queuePrefix, storePrefix }),
      startWorker({ env, queuePrefix, storePrefix }),
    ]);
    workers.push(a, b);
    const runs = createSyncRunsStore({ redis, keyPrefix: storePrefix });
    await eventually(
      async () => (await runs.list(ACME)).length > 0 || undefined,
      "the first reconcile",
      600,
    );

    // Work arriving from every side at once: membership changes (audit-log polls, targeted
    // syncs), and "sync now" from both processes.
    await addToAcme(
      emulators,
      people.slice(0, 6).map((person) => person.email),
    );
    await Promise.all([a.enqueuer.syncNow(ACME), b.enqueuer.syncNow(ACME)]);
    await addToAcme(
      emulators,
      people.slice(6).map((person) => person.email),
    );
    await Promise.all([
      a.enqueuer.syncPeople(ACME, [people[6]?.email ?? ""], { trigger: "manual" }),
      b.enqueuer.syncNow(ACME),
    ]);

    // Converged: every new Admin is audited as invited to both Acme projects.
    await eventually(
      async () => {
        const invited = changeEntries(await allAuditEntries(redis, ACME, storePrefix)).filter(
          (entry) => entry.change === "invite" && entry.person.email?.startsWith("twin-"),
        );
        return invited.length >= people.length * 2 || undefined;
      },
      "every new Admin invited",
      1200,
    );
    let converged = false;
    for (let round = 0; round < 3 && !converged; round += 1) {
      const before = (await runs.list(ACME)).length;
      await (round % 2 === 0 ? a : b).enqueuer.syncNow(ACME);
      const latest = await eventually(
        async () => {
          const list = await runs.list(ACME);
          return list.length > before && list[0]?.trigger === "manual" ? list[0] : undefined;
        },
        "the asked-for reconcile",
        1200,
      );
      converged = latest.outcome === "no-changes";
    }
    expect(converged).toBe(true);

    const changes = changeEntries(await allAuditEntries(redis, ACME, storePrefix));
    const stepIds = changes.map((entry) => entry.stepId);
    expect(new Set(stepIds).size).toBe(stepIds.length);
    const history = await runs.list(ACME, { limit: 200 });
    expect(history.length).toBeGreaterThanOrEqual(3);
    expect(overlapping(history)).toEqual([]);
  }, 180_000);
});
