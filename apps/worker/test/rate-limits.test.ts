// Issue 9 "Rate limits across processes": every HTTP request spends its organization's budget in
// Redis (shared by every replica), a 429 shuts that budget for every replica, a 429 storm on either
// API is backed off and the run still finishes, and one throttled organization never stalls another.
import type { RunningEmulators } from "@lytics-access/emulators";
import type {} from "@lytics-access/redis-server/vitest-global-setup";
import {
  closeStoreRedis,
  createRateLimiter,
  createStoreRedis,
  createSyncRunsStore,
} from "@lytics-access/store";
import type { Redis } from "ioredis";
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from "vitest";

import { OrgThrottledError } from "../src/adapters/org-throttled-error";
import {
  createSharedRateLimiter,
  lyticsBucket,
  ORG_BUCKETS,
} from "../src/adapters/shared-rate-limiter";
import { seedLocalInstallation } from "../src/local/seed-local-installation";
import { startWorker, type RunningWorker } from "../src/start-worker";
import { ACME, GLOBEX, addFault, control } from "./support/acme";
import {
  eventually,
  startTestEmulators,
  testKeyring,
  testPrefixes,
  workerEnv,
} from "./support/worker-env";
import { useWorkerWorld } from "./support/worker-world";

const GINA = { uid: "blt_user_gina", email: "gina.owner@globex.test", name: "Gina Owner" };

let redis: Redis;
let other: Redis;
beforeAll(() => {
  redis = createStoreRedis(inject("redisUrl"));
  other = createStoreRedis(inject("redisUrl"));
});
afterAll(async () => {
  await closeStoreRedis(redis);
  await closeStoreRedis(other);
});

describe("the shared limiter (the HTTP core's RateLimiter on the store's Redis bucket)", () => {
  it("is one budget for every replica, per organization, and a 429's pause shuts it for all", async () => {
    const { storePrefix } = testPrefixes();
    const replica = (connection: Redis, orgUid: string) =>
      createSharedRateLimiter({
        limiter: createRateLimiter({ redis: connection, keyPrefix: storePrefix }),
        orgUid,
        bucketOf: () => "lytics",
        limits: { lytics: { ratePerSecond: 0.001, burst: 3 } },
        maxWaitMs: 0,
      });
    const [a, b] = [replica(redis, ACME), replica(other, ACME)];
    await a.acquire("k");
    await b.acquire("k");
    await a.acquire("k");
    // Three requests from two replicas emptied Acme's bucket: neither may send a fourth.
    await expect(b.acquire("k")).rejects.toBeInstanceOf(OrgThrottledError);
    await expect(a.acquire("k")).rejects.toMatchObject({ code: "RATE_LIMITED", api: "lytics" });
    // Globex's bucket is its own.
    await replica(other, GLOBEX).acquire("k");

    // A 429 with Retry-After seen by one replica pauses Globex for the other as well.
    const fresh = (connection: Redis) =>
      createSharedRateLimiter({
        limiter: createRateLimiter({ redis: connection, keyPrefix: storePrefix }),
        orgUid: GLOBEX,
        bucketOf: (key) => (key.endsWith(":write") ? "contentstack-write" : "contentstack-read"),
        maxWaitMs: 1_000,
      });
    await fresh(redis).pause("contentstack:blt_org_globex:read", 60_000);
    const refused = await fresh(other)
      .acquire("contentstack:blt_org_globex:read")
      .catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(OrgThrottledError);
    expect((refused as OrgThrottledError).retryAfterMs).toBeGreaterThan(50_000);
    // Writes have their own budget (Contentstack counts reads and writes apart).
    await fresh(other).acquire("contentstack:blt_org_globex:write");
  });

  it("keeps a small burst, so no second holds more than the service allows", () => {
    for (const limit of Object.values(ORG_BUCKETS)) expect(limit.burst).toBeLessThanOrEqual(3);
    expect(
      ORG_BUCKETS["contentstack-read"].ratePerSecond + ORG_BUCKETS["contentstack-read"].burst,
    ).toBeLessThanOrEqual(10);
  });

  it("sizes the Lytics bucket from the configured rate", () => {
    expect(lyticsBucket(15)).toEqual({ ratePerSecond: 15, burst: 3 });
    expect(lyticsBucket(2)).toEqual({ ratePerSecond: 2, burst: 1 });
    expect(lyticsBucket(15)).toEqual(ORG_BUCKETS.lytics);
  });
});

interface EmulatorCall {
  readonly key: string;
  readonly status: number;
}

async function calls(baseUrl: string): Promise<EmulatorCall[]> {
  const snapshot = (await control(baseUrl, "/calls", "GET")) as { calls: EmulatorCall[] };
  return snapshot.calls;
}

describe("429 storms", () => {
  const world = useWorkerWorld({
    env: { MAX_REMOVAL_SHARE: "1", AUDIT_POLL_INTERVAL_MS: "3600000" },
  });
  const { storePrefix } = world;

  beforeAll(async () => {
    const runs = createSyncRunsStore({ redis, keyPrefix: storePrefix });
    await eventually(
      async () => (await runs.list(ACME)).length > 0 || undefined,
      "the first reconcile",
      600,
    );
  }, 60_000);
  afterEach(async () => {
    await control(world.emulators.contentstack.url, "/faults", "DELETE");
    await control(world.emulators.lytics.url, "/faults", "DELETE");
  });

  async function answered429(api: "contentstack" | "lytics"): Promise<number> {
    const counter = await world.worker.metrics.rateLimited.get();
    return counter.values.find((value) => value.labels.api === api)?.value ?? 0;
  }

  async function runThroughStorm(baseUrl: string, api: "contentstack" | "lytics"): Promise<void> {
    const countedBefore = await answered429(api);
    const runs = createSyncRunsStore({ redis, keyPrefix: storePrefix });
    const before = (await runs.list(ACME)).length;
    await control(baseUrl, "/calls", "DELETE");
    // More 429s in a row than the HTTP core retries one request: the job itself must back off.
    await addFault(baseUrl, {
      route: "*",
      method: "GET",
      times: 7,
      fault: { kind: "status", status: 429 },
    });
    await world.worker.enqueuer.syncNow(ACME);
    const run = await eventually(
      async () => {
        const list = await runs.list(ACME);
        return list.length > before ? list[0] : undefined;
      },
      "the reconcile to finish after the storm",
      1200,
    );
    expect(["no-changes", "applied"]).toContain(run.outcome);
    const seen = await calls(baseUrl);
    expect(seen.filter((call) => call.status === 429)).toHaveLength(7);
    expect(seen.at(-1)?.status).toBe(200);
    // Every 429 the worker received (none names a Retry-After) shut the organization's shared
    // bucket for every replica, and /metrics counted each one once. The Lytics emulator resolves
    // its caller through `GET /v3/user` on the Contentstack emulator, so some of the storm's
    // answers went to it, not to the worker (which never reads /v3/user).
    const toWorker = seen.filter((call) => call.status === 429 && call.key !== "GET /v3/user");
    expect(toWorker.length).toBeGreaterThan(0);
    expect((await answered429(api)) - countedBefore).toBe(toWorker.length);
  }

  it("on the Contentstack API: backs off and finishes the run", async () => {
    await runThroughStorm(world.emulators.contentstack.url, "contentstack");
  }, 120_000);

  it("on the Lytics Management API: backs off and finishes the run", async () => {
    await runThroughStorm(world.emulators.lytics.url, "lytics");
  }, 120_000);
});

describe("two organizations, one throttled", () => {
  let emulators: RunningEmulators;
  let worker: RunningWorker;
  const keyring = testKeyring();
  const { queuePrefix, storePrefix } = testPrefixes();

  afterAll(async () => {
    await worker?.close();
    await emulators?.close();
  });

  it("the other organization still finishes its runs", async () => {
    emulators = await startTestEmulators();
    for (const [orgUid, person] of [
      [ACME, undefined],
      [GLOBEX, GINA],
    ] as const)
      await seedLocalInstallation({
        contentstackUrl: emulators.contentstack.url,
        redisUrl: inject("redisUrl"),
        keyring,
        storePrefix,
        orgUid,
        ...(person ? { person } : {}),
      });
    // Acme got 429s with a long Retry-After on both APIs: its budgets are shut for every replica.
    const limiter = createRateLimiter({ redis, keyPrefix: storePrefix });
    for (const bucket of Object.keys(ORG_BUCKETS))
      await limiter.pause(limiter.bucketKey(ACME, bucket), 600_000);

    // One job at a time: if Acme's throttled jobs held the slot, Globex would never run.
    worker = await startWorker({
      env: workerEnv(inject("redisUrl"), emulators, keyring, {
        WORKER_CONCURRENCY: "1",
        AUDIT_POLL_INTERVAL_MS: "300",
      }),
      queuePrefix,
      storePrefix,
    });
    const runs = createSyncRunsStore({ redis, keyPrefix: storePrefix });
    await worker.enqueuer.syncNow(ACME);
    await worker.enqueuer.syncNow(GLOBEX, { trigger: "cli" });
    await eventually(
      async () =>
        (await runs.list(GLOBEX)).filter((run) => run.outcome !== "failed").length >= 2 ||
        undefined,
      "Globex's scheduled and asked-for runs",
      1200,
    );
    // Acme waits for its budget: nothing of it ran, nothing of it failed.
    expect(await runs.list(ACME)).toEqual([]);
    const acmeJobs = await worker.enqueuer.queues.sync.getJobs(["delayed"]);
    expect(acmeJobs.some((job) => (job.data as { orgUid: string }).orgUid === ACME)).toBe(true);
  }, 120_000);
});
