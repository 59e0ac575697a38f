// Issue 9 "Crash safety": with Redis persistence on (append-only file), a Redis restart loses no
// queued job. A job waits in the queue, Redis stops and starts again on the same port and data
// folder, and the running worker reconnects and processes it.
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";

import type { RunningEmulators } from "@lytics-access/emulators";
import { startRedisServer, type RedisServerHandle } from "@lytics-access/redis-server";
import { closeStoreRedis, createStoreRedis, createSyncRunsStore } from "@lytics-access/store";
import { afterAll, describe, expect, it } from "vitest";

import { seedLocalInstallation } from "../src/local/seed-local-installation";
import { startWorker, type RunningWorker } from "../src/start-worker";
import { ACME } from "./support/acme";
import { eventually, startTestEmulators, testKeyring, workerEnv } from "./support/worker-env";

const dataDir = mkdtempSync(path.join(os.tmpdir(), "worker-redis-restart-"));
let server: RedisServerHandle | undefined;
let emulators: RunningEmulators | undefined;
let worker: RunningWorker | undefined;

afterAll(async () => {
  await worker?.close();
  await emulators?.close();
  await server?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

describe("a Redis restart", () => {
  it("loses no queued job: the worker reconnects and processes it", async () => {
    server = await startRedisServer({ dataDir });
    const { port, url } = server;
    emulators = await startTestEmulators();
    const keyring = testKeyring();
    await seedLocalInstallation({
      contentstackUrl: emulators.contentstack.url,
      redisUrl: url,
      keyring,
    });
    worker = await startWorker({
      env: workerEnv(url, emulators, keyring, {
        MAX_REMOVAL_SHARE: "1",
        AUDIT_POLL_INTERVAL_MS: "3600000",
      }),
    });
    const running = worker;
    const history = async () => {
      const redis = createStoreRedis(url);
      try {
        return await createSyncRunsStore({ redis }).list(ACME);
      } finally {
        await closeStoreRedis(redis);
      }
    };
    await eventually(
      async () => (await history()).length > 0 || undefined,
      "the first reconcile",
      600,
    );

    // The job is queued while nobody takes work, so it is in Redis, not in a worker's hands.
    await Promise.all(running.workers.map((w) => w.pause()));
    const jobId = await running.enqueuer.syncNow(ACME, { trigger: "cli" });
    expect(await running.enqueuer.queues.sync.getJobState(jobId)).toBe("waiting");

    await server.stop();
    server = await startRedisServer({ dataDir, port });

    const state = await eventually(
      async () => running.enqueuer.queues.sync.getJobState(jobId),
      "the queue to answer after the restart",
      300,
    );
    expect(state).toBe("waiting");
    for (const w of running.workers) w.resume();
    await eventually(
      async () =>
        (await running.enqueuer.queues.sync.getJobState(jobId)) === "completed" || undefined,
      "the queued job to be processed",
      600,
    );
    const runs = await history();
    expect(runs[0]?.trigger).toBe("cli");
  }, 120_000);
});
