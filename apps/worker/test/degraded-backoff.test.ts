// Issue 9 "Safety": an organization whose runs keep failing backs off with growing delays and
// shows as degraded instead of hammering the APIs; its scheduled runs wait out the delay (an
// operator's "sync now" does not), and the first success heals it. The failure here is a member
// listing Contentstack refuses (a 404 no retry mends), which also must abort each run without
// removing anyone from Lytics.
import type {} from "@lytics-access/redis-server/vitest-global-setup";
import { createInstallationsStore, createSecretBox, type Installation } from "@lytics-access/store";
import { describe, expect, inject, it } from "vitest";

import { enqueueAndWait } from "../src/cli/wait-for-job";
import type { Trigger } from "../src/queues/payloads";
import { ACME, addFault, allAuditEntries, control } from "./support/acme";
import { lyticsUsers } from "./support/worker-env";
import { useWorkerWorld } from "./support/worker-world";

const world = useWorkerWorld({ startWorker: false });
let now = Date.now();

describe("degraded backoff", () => {
  it("repeated failures back off with growing delays and degrade; scheduled runs wait, asked-for ones do not; a success heals", async () => {
    await world.startWorker({
      env: { MAX_REMOVAL_SHARE: "1", AUDIT_POLL_INTERVAL_MS: "3600000" },
      now: () => now,
    });
    const run = async (trigger: Trigger) =>
      (
        await enqueueAndWait(
          {
            redisUrl: inject("redisUrl"),
            queue: world.worker.enqueuer.queues.sync,
            prefix: world.queuePrefix,
            timeoutMs: 60_000,
          },
          () => world.worker.enqueuer.syncNow(ACME, { trigger }),
        )
      ).result;
    const installations = createInstallationsStore({
      redis: world.redis,
      keyPrefix: world.storePrefix,
      secretBox: createSecretBox(world.keyring),
    });
    const installation = async (): Promise<Installation> => {
      const found = await installations.get(ACME);
      if (!found) throw new Error("Acme is not installed");
      return found;
    };

    expect(await run("manual")).toMatchObject({ status: "ran" });
    const converged = await lyticsUsers(world.emulators.lytics.url);
    expect((await installation()).failureCount).toBe(0);

    // Contentstack starts refusing the member listing.
    await addFault(world.emulators.contentstack.url, {
      route: "/v3/organizations/:org_uid/share",
      method: "GET",
      fault: { kind: "status", status: 404 },
    });
    const delays: number[] = [];
    for (let failure = 1; failure <= 3; failure += 1) {
      expect(await run("manual")).toMatchObject({ status: "ran", outcome: "aborted" });
      const after = await installation();
      expect(after.failureCount).toBe(failure);
      delays.push((after.nextAttemptAt ?? 0) - Date.now());
      expect(after.status).toBe(failure < 3 ? "connected" : "degraded");
    }
    // 30 s, 60 s, 120 s (less the moments between the run and the read).
    expect(delays[1]).toBeGreaterThan(delays[0] ?? Infinity);
    expect(delays[2]).toBeGreaterThan(delays[1] ?? Infinity);
    expect(delays[2]).toBeGreaterThan(60_000);
    // No run removed anyone on the strength of a listing it could not read.
    expect(await lyticsUsers(world.emulators.lytics.url)).toEqual(converged);
    const degraded = (await allAuditEntries(world.redis, ACME, world.storePrefix)).filter(
      (entry) => entry.kind === "installation-degraded",
    );
    expect(degraded).toHaveLength(1);
    expect(degraded[0]).toMatchObject({ failureCount: 3 });
    expect((degraded[0] as { runId?: string }).runId).toMatch(/^run-/);

    // The schedule waits out the delay; nothing is read or written meanwhile.
    expect(await run("schedule")).toEqual({ status: "skipped", reason: "backing-off" });
    expect((await installation()).failureCount).toBe(3);

    // Contentstack recovers; once the delay is over the scheduled run goes, and heals it.
    await control(world.emulators.contentstack.url, "/faults", "DELETE");
    now = ((await installation()).nextAttemptAt ?? 0) + 1;
    expect(await run("schedule")).toMatchObject({ status: "ran", outcome: "no-changes" });
    expect(await installation()).toMatchObject({ status: "connected", failureCount: 0 });
  }, 120_000);
});
