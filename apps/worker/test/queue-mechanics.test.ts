// Queue mechanics on a real Redis, without upstream services: payloads checked on both sides,
// scheduler upserts idempotent across replicas, and coalescing of a burst of change events.
import type {} from "@lytics-access/redis-server/vitest-global-setup";
import { Queue, UnrecoverableError, type Job } from "bullmq";
import { Redis } from "ioredis";
import { pino } from "pino";
import { afterAll, describe, expect, inject, it } from "vitest";

import { createWorkerMetrics } from "../src/http/worker-metrics";
import { createProcessor } from "../src/jobs/job-registry";
import type { WorkerDeps } from "../src/jobs/job-context";
import { JOB_NAMES, schedulerId } from "../src/queues/constants";
import { createEnqueuer } from "../src/queues/enqueue";
import { drainPendingPeople } from "../src/queues/pending-people";
import { InvalidPayloadError } from "../src/queues/invalid-payload-error";
import { ensureSchedulers } from "../src/schedulers/ensure-schedulers";
import { testPrefixes } from "./support/worker-env";

const redisUrl = inject("redisUrl");
const redis = new Redis(redisUrl);
afterAll(() => redis.quit());

describe("payloads", () => {
  it("are refused before they are added", async () => {
    const { queuePrefix } = testPrefixes();
    const enqueuer = createEnqueuer({ redisUrl, prefix: queuePrefix });
    try {
      await expect(enqueuer.syncNow("bad org uid with spaces")).rejects.toBeInstanceOf(
        InvalidPayloadError,
      );
      await expect(enqueuer.approveHeldPlan("blt_org", "plan_1", "not-an-email")).rejects.toThrow(
        /approvedBy/,
      );
      expect(await enqueuer.queues.sync.count()).toBe(0);
    } finally {
      await enqueuer.close();
    }
  });

  it("are checked again before running: a bad one fails without retry", async () => {
    const processor = createProcessor({ logger: pino({ level: "silent" }) } as WorkerDeps);
    const job = { id: "1", name: JOB_NAMES.reconcile, data: { orgUid: 42 } } as unknown as Job;
    await expect(processor(job)).rejects.toBeInstanceOf(UnrecoverableError);
    const unknown = { id: "2", name: "sync.retired-job", data: {} } as unknown as Job;
    await expect(processor(unknown)).resolves.toEqual({ status: "skipped", reason: "unknown-job" });
  });
});

describe("schedulers", () => {
  it("are upserted once per organization whichever replica runs, and removed on disconnect", async () => {
    const { queuePrefix: prefix } = testPrefixes();
    const connections: Redis[] = [];
    const connection = () => {
      const opened = new Redis(redisUrl, { maxRetriesPerRequest: null });
      connections.push(opened);
      return opened;
    };
    const replica = () => ({
      sync: new Queue("sync", { connection: connection(), prefix }),
      audit: new Queue("audit", { connection: connection(), prefix }),
    });
    const replicas = [replica(), replica()] as const;
    try {
      const options = { redis, syncIntervalMs: 300_000, auditPollIntervalMs: 5_000, prefix };
      // Two replicas at once: one runs, the other finds the lock taken.
      const [first, second] = await Promise.all(
        replicas.map((queues) =>
          ensureSchedulers({ ...options, queues, connectedOrgs: ["org_a", "org_b"] }),
        ),
      );
      expect([first?.ran, second?.ran].filter(Boolean)).toHaveLength(1);
      // And again later, sequentially: still one scheduler each.
      await ensureSchedulers({
        ...options,
        queues: replicas[1],
        connectedOrgs: ["org_a", "org_b"],
      });
      const sync = replicas[0].sync;
      const ids = (await sync.getJobSchedulers(0, -1)).map((s) => s.key).sort();
      expect(ids).toEqual([schedulerId.reconcile("org_a"), schedulerId.reconcile("org_b")]);
      expect(await sync.getDelayedCount()).toBeLessThanOrEqual(2);

      const result = await ensureSchedulers({
        ...options,
        queues: replicas[0],
        connectedOrgs: ["org_a"],
      });
      expect([...result.removed].sort()).toEqual(
        [schedulerId.pollAuditLog("org_b"), schedulerId.reconcile("org_b")].sort(),
      );
      expect((await sync.getJobSchedulers(0, -1)).map((s) => s.key)).toEqual([
        schedulerId.reconcile("org_a"),
      ]);
    } finally {
      for (const queues of replicas)
        for (const queue of [queues.sync, queues.audit]) await queue.close();
      for (const opened of connections) opened.disconnect();
    }
  });
});

describe("coalescing", () => {
  it("turns a burst of 20 change events into one job, and events during the run into one follow-up", async () => {
    const { queuePrefix: prefix } = testPrefixes();
    const enqueuer = createEnqueuer({ redisUrl, prefix });
    try {
      const ids = await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          enqueuer.syncPeople("org_burst", [`person${i}@acme.test`]),
        ),
      );
      expect(new Set(ids).size).toBe(1);
      expect(await enqueuer.queues.sync.count()).toBe(1);

      // The job becomes active: it removes its deduplication key, then drains the set.
      const job = await enqueuer.queues.sync.getJob(String(ids[0]));
      expect(job).toBeDefined();
      await job?.removeDeduplicationKey();
      const drained = await drainPendingPeople(redis, "org_burst", prefix);
      expect(drained.people).toHaveLength(20);

      // Events during the run: exactly one follow-up, carrying all of them.
      const during = await Promise.all(
        Array.from({ length: 5 }, (_, i) =>
          enqueuer.syncPeople("org_burst", [`late${i}@acme.test`]),
        ),
      );
      expect(new Set(during).size).toBe(1);
      expect(during[0]).not.toBe(ids[0]);
      expect((await drainPendingPeople(redis, "org_burst", prefix)).people).toHaveLength(5);
    } finally {
      await enqueuer.close();
    }
  });
});

describe("metrics", () => {
  it("are exposed in Prometheus format", async () => {
    const metrics = createWorkerMetrics({ defaultMetrics: false });
    metrics.runs.inc({ kind: "reconcile", outcome: "applied" });
    metrics.propagationSeconds.observe(1.5);
    const text = await metrics.registry.metrics();
    expect(text).toContain('lytics_access_sync_runs_total{kind="reconcile",outcome="applied"} 1');
    expect(text).toContain("lytics_access_propagation_seconds_bucket");
  });
});
