// Issue 9 "Grants": roles changed inside Lytics by hand are drift, put back and recorded. The sync
// keeps the roles it established per project and person (written with each step's done marker);
// a later run that finds different roles puts them back and audits `drift-found`.
import { createAppliedStepsStore, createSyncRunsStore } from "@lytics-access/store";
import { describe, expect, it } from "vitest";

import { ACME, allAuditEntries, control } from "./support/acme";
import { eventually, lyticsUsers } from "./support/worker-env";
import { useWorkerWorld } from "./support/worker-world";

const ADAM = { uid: "blt_user_adam", email: "adam.admin@acme.test" };
const ACME_WEB = { aid: 1001, projectUid: "66ac00000000000000001001" };

const world = useWorkerWorld({
  env: { MAX_REMOVAL_SHARE: "1", AUDIT_POLL_INTERVAL_MS: "3600000" },
});
const { storePrefix } = world;

const adamOn = async (aid: number) =>
  (await lyticsUsers(world.emulators.lytics.url))
    .find((account) => account.aid === aid)
    ?.users.find((user) => user.email === ADAM.email);

describe("drift", () => {
  it("a role changed by hand inside Lytics is put back by the next reconcile, with a drift-found entry", async () => {
    const runs = createSyncRunsStore({ redis: world.redis, keyPrefix: storePrefix });
    await eventually(
      async () => (await runs.list(ACME)).length > 0 || undefined,
      "the first reconcile",
      600,
    );
    // The first reconcile gave Adam (an organization Admin) the Editor roles and recorded them.
    const steps = createAppliedStepsStore({ redis: world.redis, keyPrefix: storePrefix });
    const record = (await steps.lastSynced(ACME)).find(
      (entry) => entry.projectUid === ACME_WEB.projectUid && entry.person === ADAM.uid,
    );
    expect(record?.roles).toContain("segment_manager");
    const synced = [...(record?.roles ?? [])].sort();

    // Someone makes Adam an Observer inside Lytics.
    await control(
      world.emulators.lytics.url,
      `/lytics/accounts/${ACME_WEB.aid}/users/${ADAM.email}/roles`,
      "PUT",
      {
        roles: ["observer"],
      },
    );
    expect((await adamOn(ACME_WEB.aid))?.roles).toEqual(["observer"]);

    const before = (await runs.list(ACME)).length;
    await world.worker.enqueuer.syncNow(ACME);
    await eventually(
      async () => (await runs.list(ACME)).length > before || undefined,
      "the next reconcile",
      600,
    );

    const roles = [...((await adamOn(ACME_WEB.aid))?.roles ?? [])]
      .filter((role) => role !== "authed2")
      .sort();
    expect(roles).toEqual(synced);
    const drift = (await allAuditEntries(world.redis, ACME, storePrefix)).filter(
      (entry) => entry.kind === "drift-found",
    );
    expect(drift).toHaveLength(1);
    expect(drift[0]).toMatchObject({
      projectUid: ACME_WEB.projectUid,
      person: { uid: ADAM.uid, email: ADAM.email },
      actualRoles: ["observer"],
    });
    expect([...(drift[0] as { expectedRoles: string[] }).expectedRoles].sort()).toEqual(synced);
  }, 120_000);

  it("also for someone the sync never had to change: the roles a full run found converged are recorded", async () => {
    const OLIVIA = { uid: "blt_user_olivia", email: "olivia.owner@acme.test" };
    const steps = createAppliedStepsStore({ redis: world.redis, keyPrefix: storePrefix });
    const changed = (await allAuditEntries(world.redis, ACME, storePrefix)).filter(
      (entry) =>
        entry.kind === "change-applied" &&
        entry.person.uid === OLIVIA.uid &&
        entry.projectUid === ACME_WEB.projectUid,
    );
    expect(changed).toEqual([]);
    const record = (await steps.lastSynced(ACME)).find(
      (entry) => entry.projectUid === ACME_WEB.projectUid && entry.person === OLIVIA.uid,
    );
    expect(record?.roles.length).toBeGreaterThan(0);

    await control(
      world.emulators.lytics.url,
      `/lytics/accounts/${ACME_WEB.aid}/users/${OLIVIA.email}/roles`,
      "PUT",
      {
        roles: ["observer"],
      },
    );
    const runs = createSyncRunsStore({ redis: world.redis, keyPrefix: storePrefix });
    const before = (await runs.list(ACME)).length;
    await world.worker.enqueuer.syncNow(ACME);
    await eventually(
      async () => (await runs.list(ACME)).length > before || undefined,
      "the next reconcile",
      600,
    );

    const drift = (await allAuditEntries(world.redis, ACME, storePrefix)).filter(
      (entry) => entry.kind === "drift-found" && entry.person.uid === OLIVIA.uid,
    );
    expect(drift).toHaveLength(1);
    expect(drift[0]).toMatchObject({ projectUid: ACME_WEB.projectUid, actualRoles: ["observer"] });
  }, 120_000);

  it("a targeted run records the roles it found converged for the people it was for, so a later hand change to them is drift", async () => {
    const OLIVIA = { uid: "blt_user_olivia", email: "olivia.owner@acme.test" };
    const steps = createAppliedStepsStore({ redis: world.redis, keyPrefix: storePrefix });
    const runs = createSyncRunsStore({ redis: world.redis, keyPrefix: storePrefix });
    const recordOf = async (uid: string) =>
      (await steps.lastSynced(ACME)).find(
        (entry) => entry.projectUid === ACME_WEB.projectUid && entry.person === uid,
      )?.roles;
    const withoutBaseline = (roles: readonly string[] | undefined) =>
      [...(roles ?? [])].filter((role) => role !== "authed2").sort();
    // What the record says after someone set by hand the very roles a Contentstack change then
    // made desired: roles Adam no longer holds (Olivia's likewise, to see the scope kept).
    const stale = [{ projectUid: ACME_WEB.projectUid, person: ADAM.uid, roles: ["observer"] }];
    await steps.recordSynced(ACME, [
      ...stale,
      { projectUid: ACME_WEB.projectUid, person: OLIVIA.uid, roles: ["observer"] },
    ]);
    const held = withoutBaseline((await adamOn(ACME_WEB.aid))?.roles);
    expect(held).toContain("segment_manager");

    // A targeted run for Adam finds him as desired: nothing to write, his roles recorded.
    const before = (await runs.list(ACME)).length;
    await world.worker.enqueuer.syncPeople(ACME, [ADAM.email], { trigger: "manual" });
    await eventually(
      async () => (await runs.list(ACME)).length > before || undefined,
      "the targeted run",
      600,
    );
    expect((await runs.list(ACME))[0]).toMatchObject({ outcome: "no-changes" });
    expect(withoutBaseline(await recordOf(ADAM.uid))).toEqual(held);
    // Only the people the run was for: Olivia's record is the next full run's to correct.
    expect(await recordOf(OLIVIA.uid)).toEqual(["observer"]);

    // Someone makes Adam an Observer by hand: the next run puts him back and reports the drift.
    await control(
      world.emulators.lytics.url,
      `/lytics/accounts/${ACME_WEB.aid}/users/${ADAM.email}/roles`,
      "PUT",
      { roles: ["observer"] },
    );
    const driftBefore = (await allAuditEntries(world.redis, ACME, storePrefix)).filter(
      (entry) => entry.kind === "drift-found" && entry.person.uid === ADAM.uid,
    ).length;
    const beforeFull = (await runs.list(ACME)).length;
    await world.worker.enqueuer.syncNow(ACME);
    await eventually(
      async () => (await runs.list(ACME)).length > beforeFull || undefined,
      "the next reconcile",
      600,
    );
    expect(withoutBaseline((await adamOn(ACME_WEB.aid))?.roles)).toEqual(held);
    const drift = (await allAuditEntries(world.redis, ACME, storePrefix)).filter(
      (entry) => entry.kind === "drift-found" && entry.person.uid === ADAM.uid,
    );
    expect(drift).toHaveLength(driftBefore + 1);
    expect(drift.at(-1)).toMatchObject({
      projectUid: ACME_WEB.projectUid,
      actualRoles: ["observer"],
    });
  }, 120_000);
});
