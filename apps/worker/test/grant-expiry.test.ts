// Issue 9 "Grants": a collaborator grant may carry an expiry (contractor access for 30 days); the
// first reconcile after it lapses takes the access away and audits `grant-expired` saying why.
// The sync's clock is injected, so the test moves time instead of waiting for it.
import { createGrantsStore, createSyncRunsStore } from "@lytics-access/store";
import { describe, expect, it } from "vitest";

import { ACME, allAuditEntries } from "./support/acme";
import { eventually, lyticsUsers } from "./support/worker-env";
import { useWorkerWorld } from "./support/worker-world";

const GUS = { uid: "blt_user_gus", email: "gus.guest@partner.test" };
const ACME_WEB = { aid: 1001, projectUid: "66ac00000000000000001001" };
const HOUR = 3_600_000;

let offset = 0;
const world = useWorkerWorld({ startWorker: false });
const { storePrefix } = world;

const gusOn = async (aid: number) =>
  (await lyticsUsers(world.emulators.lytics.url))
    .find((account) => account.aid === aid)
    ?.users.find((user) => user.email === GUS.email);

describe("grant expiry", () => {
  it("a lapsed grant's access is removed by the next reconcile, with a grant-expired entry", async () => {
    // A guest contractor, granted Observer on Acme Web for one hour.
    const expiresAt = Date.now() + HOUR;
    const grant = await createGrantsStore({ redis: world.redis, keyPrefix: storePrefix }).create(
      ACME,
      {
        projectUid: ACME_WEB.projectUid,
        email: GUS.email,
        userUid: GUS.uid,
        roles: ["observer"],
        expiresAt,
        grantedBy: { type: "person", uid: "blt_user_olivia", email: "olivia.owner@acme.test" },
        source: "app",
      },
    );
    const worker = await world.startWorker({
      env: { MAX_REMOVAL_SHARE: "1", AUDIT_POLL_INTERVAL_MS: "3600000" },
      now: () => Date.now() + offset,
    });
    const runs = createSyncRunsStore({ redis: world.redis, keyPrefix: storePrefix });
    await eventually(
      async () => (await runs.list(ACME)).length > 0 || undefined,
      "the first reconcile",
      600,
    );
    // While the grant lasts, Gus keeps exactly what it gives.
    expect((await gusOn(ACME_WEB.aid))?.roles.filter((role) => role !== "authed2")).toEqual([
      "observer",
    ]);

    offset = 2 * HOUR;
    const before = (await runs.list(ACME)).length;
    await worker.enqueuer.syncNow(ACME);
    await eventually(
      async () => (await runs.list(ACME)).length > before || undefined,
      "the reconcile after expiry",
      600,
    );

    expect(await gusOn(ACME_WEB.aid)).toBeUndefined();
    const entries = await allAuditEntries(world.redis, ACME, storePrefix);
    const expired = entries.filter((entry) => entry.kind === "grant-expired");
    expect(expired).toHaveLength(1);
    expect(expired[0]).toMatchObject({
      grantId: grant.id,
      projectUid: ACME_WEB.projectUid,
      person: { uid: GUS.uid, email: GUS.email },
      roles: ["observer"],
      expiresAt,
    });
    const removal = entries.find(
      (entry) =>
        entry.kind === "change-applied" &&
        entry.change === "remove" &&
        entry.person.uid === GUS.uid,
    );
    expect(removal?.kind === "change-applied" && removal.why.rules).toContain("sync.grant-expired");
  }, 120_000);
});
