// A revoked grant is never silent: when the person who connected the organization leaves it, the
// emulator revokes their grant; the next run marks the organization "needs reconnect", audits a
// credential problem, and later jobs return early instead of hammering the API.
import type {} from "@lytics-access/redis-server/vitest-global-setup";
import {
  closeStoreRedis,
  createAuditLogStore,
  createInstallationsStore,
  createSecretBox,
  createStoreRedis,
} from "@lytics-access/store";
import { describe, expect, inject, it } from "vitest";

import { LOCAL_ACME } from "../src/local/seed-local-installation";
import { eventually } from "./support/worker-env";
import { useWorkerWorld } from "./support/worker-world";

const ADAM = { uid: "blt_user_adam", email: "adam.admin@acme.test", name: "Adam Admin" };
const world = useWorkerWorld({
  person: ADAM,
  env: { AUDIT_POLL_INTERVAL_MS: "3600000" },
  timeoutMs: 30_000,
});
const { keyring, storePrefix } = world;

describe("a revoked grant", () => {
  it("marks the organization needs-reconnect and audits why", async () => {
    const removed = await fetch(
      `${world.emulators.contentstack.url}/_emulator/organizations/${LOCAL_ACME.orgUid}/members/${ADAM.email}`,
      { method: "DELETE" },
    );
    expect(removed.status).toBe(204);
    await world.worker.enqueuer.syncNow(LOCAL_ACME.orgUid);

    const redis = createStoreRedis(inject("redisUrl"));
    try {
      const installations = createInstallationsStore({
        redis,
        keyPrefix: storePrefix,
        secretBox: createSecretBox(keyring),
      });
      const installation = await eventually(
        async () => {
          const found = await installations.get(LOCAL_ACME.orgUid);
          return found?.status === "needs-reconnect" ? found : undefined;
          // A hang guard, not a speed target: under CI load the run may first meet the worker's
          // start-up reconcile and a throttled Contentstack (about 2 s when the machine is idle).
        },
        "needs-reconnect",
        600,
      );
      expect(installation.statusReason).toBeTruthy();
      const audit = createAuditLogStore({ redis, keyPrefix: storePrefix });
      const page = await audit.read(LOCAL_ACME.orgUid, { kinds: ["credential-problem"] });
      expect(page.entries).toHaveLength(1);

      // Later jobs return early.
      const jobId = await world.worker.enqueuer.syncNow(LOCAL_ACME.orgUid, { trigger: "cli" });
      const job = await eventually(async () => {
        const found = await world.worker.enqueuer.queues.sync.getJob(jobId);
        return found?.returnvalue ? found : undefined;
      }, "the next job to finish");
      expect(job.returnvalue).toEqual({ status: "skipped", reason: "needs-reconnect" });
    } finally {
      await closeStoreRedis(redis);
    }
  }, 60_000);
});
