// A revoked grant is never silent: when the person who connected the organization leaves it, the
// emulator revokes their grant; the next run marks the organization "needs reconnect", audits a
// credential problem, and later jobs return early instead of hammering the API.
import type {} from "@lytics-access/redis-server/vitest-global-setup";
import type { RunningEmulators } from "@lytics-access/emulators";
import {
  closeStoreRedis,
  createAuditLogStore,
  createInstallationsStore,
  createSecretBox,
  createStoreRedis,
} from "@lytics-access/store";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";

import { seedLocalInstallation, LOCAL_ACME } from "../src/local/seed-local-installation";
import { startWorker, type RunningWorker } from "../src/start-worker";
import {
  eventually,
  startTestEmulators,
  testKeyring,
  testPrefixes,
  workerEnv,
} from "./support/worker-env";

const ADAM = { uid: "blt_user_adam", email: "adam.admin@acme.test", name: "Adam Admin" };
let emulators: RunningEmulators;
let worker: RunningWorker;
const keyring = testKeyring();
const { queuePrefix, storePrefix } = testPrefixes();

beforeAll(async () => {
  emulators = await startTestEmulators();
  await seedLocalInstallation({
    contentstackUrl: emulators.contentstack.url,
    redisUrl: inject("redisUrl"),
    keyring,
    storePrefix,
    person: ADAM,
  });
  worker = await startWorker({
    env: workerEnv(inject("redisUrl"), emulators, keyring, { AUDIT_POLL_INTERVAL_MS: "3600000" }),
    queuePrefix,
    storePrefix,
  });
}, 30_000);

afterAll(async () => {
  await worker?.close();
  await emulators?.close();
});

describe("a revoked grant", () => {
  it("marks the organization needs-reconnect and audits why", async () => {
    const removed = await fetch(
      `${emulators.contentstack.url}/_emulator/organizations/${LOCAL_ACME.orgUid}/members/${ADAM.email}`,
      { method: "DELETE" },
    );
    expect(removed.status).toBe(204);
    await worker.enqueuer.syncNow(LOCAL_ACME.orgUid);

    const redis = createStoreRedis(inject("redisUrl"));
    try {
      const installations = createInstallationsStore({
        redis,
        keyPrefix: storePrefix,
        secretBox: createSecretBox(keyring),
      });
      const installation = await eventually(async () => {
        const found = await installations.get(LOCAL_ACME.orgUid);
        return found?.status === "needs-reconnect" ? found : undefined;
      }, "needs-reconnect");
      expect(installation.statusReason).toBeTruthy();
      const audit = createAuditLogStore({ redis, keyPrefix: storePrefix });
      const page = await audit.read(LOCAL_ACME.orgUid, { kinds: ["credential-problem"] });
      expect(page.entries).toHaveLength(1);

      // Later jobs return early.
      const jobId = await worker.enqueuer.syncNow(LOCAL_ACME.orgUid, { trigger: "cli" });
      const job = await eventually(async () => {
        const found = await worker.enqueuer.queues.sync.getJob(jobId);
        return found?.returnvalue ? found : undefined;
      }, "the next job to finish");
      expect(job.returnvalue).toEqual({ status: "skipped", reason: "needs-reconnect" });
    } finally {
      await closeStoreRedis(redis);
    }
  }, 60_000);
});
