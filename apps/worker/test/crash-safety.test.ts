// Issue 9 "Crash safety": a worker process SIGKILLed in the middle of applying a plan leaves nothing
// the next worker does not finish. After a second worker process takes over, Lytics equals the
// desired state (a later full reconcile finds nothing to do) and the audit log holds each change
// exactly once: no stepId twice, none missing.
import type { RunningEmulators } from "@lytics-access/emulators";
import { startRedisServer, type RedisServerHandle } from "@lytics-access/redis-server";
import { closeStoreRedis, createStoreRedis, createSyncRunsStore } from "@lytics-access/store";
import type { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { seedLocalInstallation } from "../src/local/seed-local-installation";
import { createEnqueuer } from "../src/queues/enqueue";
import {
  ACME,
  addFault,
  addToAcme,
  allAuditEntries,
  changeEntries,
  extraPeople,
  startEmulatorsWithPeople,
} from "./support/acme";
import { spawnWorker, type WorkerProcess } from "./support/worker-process";
import { eventually, lyticsUsers, testKeyring, workerEnv } from "./support/worker-env";

let redisServer: RedisServerHandle;
let emulators: RunningEmulators;
let redis: Redis;
const processes: WorkerProcess[] = [];
const keyring = testKeyring();
const ACME_AIDS = [1001, 1002];
const people = extraPeople(20, "crash");

beforeAll(async () => {
  // A Redis of its own: the spawned workers use the default key prefixes.
  redisServer = await startRedisServer();
  emulators = await startEmulatorsWithPeople(people);
  redis = createStoreRedis(redisServer.url);
}, 60_000);

afterAll(async () => {
  for (const worker of processes) worker.kill9();
  await closeStoreRedis(redis);
  await emulators?.close();
  await redisServer?.stop();
});

describe("a worker killed mid-apply", () => {
  it("is finished by the next worker: Lytics converges, each change audited exactly once", async () => {
    const newAdmins = people.map((person) => person.email);
    await addToAcme(emulators, newAdmins);
    // Every Lytics write takes a while, so the plan (40 invites and the fixture's own changes)
    // is still being applied when the first change's audit entry appears.
    await addFault(emulators.lytics.url, {
      route: "*",
      method: "POST",
      fault: { kind: "latency", ms: 150 },
    });
    await seedLocalInstallation({
      contentstackUrl: emulators.contentstack.url,
      redisUrl: redisServer.url,
      keyring,
    });
    const env = workerEnv(redisServer.url, emulators, keyring, {
      MAX_REMOVAL_SHARE: "1",
      AUDIT_POLL_INTERVAL_MS: "3600000",
      RUN_LOCK_TTL_MS: "4000",
      JOB_LOCK_MS: "4000",
      LOG_LEVEL: "warn",
    });

    const first = spawnWorker(env);
    processes.push(first);
    await first.ready;
    const appliedBeforeKill = await eventually(
      async () => {
        const changes = changeEntries(await allAuditEntries(redis, ACME));
        return changes.length > 0 ? changes.length : undefined;
      },
      "the first change-applied entry",
      600,
      50,
    );
    first.kill9();
    await first.exited;
    const afterKill = changeEntries(await allAuditEntries(redis, ACME)).length;
    // Killed in the middle: most of the plan was still to do.
    expect(appliedBeforeKill).toBeGreaterThan(0);
    expect(afterKill).toBeLessThan(newAdmins.length * ACME_AIDS.length);

    const second = spawnWorker(env);
    processes.push(second);
    await second.ready;
    const runs = createSyncRunsStore({ redis });
    // The killed job comes back (stalled), waits out the dead run lock, and finishes the plan.
    await eventually(
      async () => (await runs.list(ACME)).some((run) => run.outcome === "applied") || undefined,
      "the interrupted reconcile to finish",
      1200,
      100,
    );
    // Converged: a fresh full reconcile finds nothing to do. (One more run may still have work
    // that is not the crash's: a last-Admin removal the guard held back until the new Admins
    // were on the project.)
    const enqueuer = createEnqueuer({ redisUrl: redisServer.url });
    try {
      let converged = false;
      for (let round = 0; round < 3 && !converged; round += 1) {
        const before = (await runs.list(ACME)).length;
        await enqueuer.syncNow(ACME);
        const latest = await eventually(
          async () => {
            const list = await runs.list(ACME);
            return list.length > before ? list[0] : undefined;
          },
          "the asked-for reconcile",
          1200,
          100,
        );
        converged = latest.outcome === "no-changes";
      }
      expect(converged).toBe(true);
    } finally {
      await enqueuer.close();
    }
    second.kill9();

    const changes = changeEntries(await allAuditEntries(redis, ACME));
    const stepIds = changes.map((entry) => entry.stepId);
    expect(new Set(stepIds).size).toBe(stepIds.length);
    // None lost: each new Admin's invitation to each project is audited exactly once.
    for (const email of newAdmins) {
      const invites = changes.filter(
        (entry) => entry.change === "invite" && entry.person.email === email,
      );
      expect(invites.map((entry) => entry.projectUid).sort()).toHaveLength(ACME_AIDS.length);
      expect(new Set(invites.map((entry) => entry.projectUid)).size).toBe(ACME_AIDS.length);
    }
    const accounts = await lyticsUsers(emulators.lytics.url);
    for (const aid of ACME_AIDS) {
      const emails = new Set(
        accounts.find((account) => account.aid === aid)?.users.map((user) => user.email),
      );
      for (const email of newAdmins) expect(emails.has(email)).toBe(true);
    }
  }, 240_000);
});
