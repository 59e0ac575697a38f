// The applied-steps store's records beside the done markers: the content of claimed steps until
// they are done or released (what a killed run left), and the roles each done step established
// (drift detection), written in the same script as the marker and its audit entries.
import { describe, expect, it } from "vitest";

import { createAppliedStepsStore } from "../src/applied-steps/applied-steps-store";
import type { AuditEntryInput } from "../src/audit-log/audit-entry";
import { createAuditLogStore } from "../src/audit-log/audit-log-store";
import { isolation, manualClock, useRedis } from "./support/test-redis";

const redis = useRedis();

function setup() {
  const { keyPrefix, orgUid } = isolation();
  const clock = manualClock(Date.now());
  const auditLog = createAuditLogStore({ redis, clock, keyPrefix });
  return {
    orgUid,
    clock,
    auditLog,
    steps: createAppliedStepsStore({ redis, clock, keyPrefix, auditLog }),
  };
}

const change = (stepId: string): AuditEntryInput => ({
  kind: "change-applied",
  actor: { type: "system", name: "sync" },
  projectUid: "p1",
  person: { uid: "u1" },
  change: "replace-roles",
  beforeRoles: ["observer"],
  afterRoles: ["admin"],
  why: { rules: ["desired.org-admin"], text: "Admin" },
  runId: "run-1",
  stepId,
});
const drift: AuditEntryInput = {
  kind: "drift-found",
  actor: { type: "system", name: "sync" },
  projectUid: "p1",
  person: { uid: "u1" },
  expectedRoles: ["admin"],
  actualRoles: ["observer"],
  runId: "run-1",
};

describe("applied steps: unfinished steps", () => {
  it("keeps a claimed step's content, oldest first, until it is done or released", async () => {
    const { orgUid, clock, steps } = setup();
    await steps.remember(orgUid, "plan1", "s1", { kind: "invite", n: 1 });
    clock.advance(10);
    await steps.remember(orgUid, "plan1", "s2", { kind: "remove", n: 2 });
    clock.advance(10);
    await steps.remember(orgUid, "plan2", "s3", { n: 3 });
    expect(
      (await steps.unfinished(orgUid)).map((step) => [step.planId, step.stepId, step.content]),
    ).toEqual([
      ["plan1", "s1", { kind: "invite", n: 1 }],
      ["plan1", "s2", { kind: "remove", n: 2 }],
      ["plan2", "s3", { n: 3 }],
    ]);
    await steps.markDone(orgUid, "plan1", "s1");
    await steps.release(orgUid, "plan2", "s3");
    expect((await steps.unfinished(orgUid)).map((step) => step.stepId)).toEqual(["s2"]);
    // A step already done (another run finished it) is cleared by a later markDone too.
    await steps.markDone(orgUid, "plan1", "s2");
    await steps.remember(orgUid, "plan1", "s2", {});
    expect(await steps.markDone(orgUid, "plan1", "s2")).toBe(false);
    expect(await steps.unfinished(orgUid)).toEqual([]);
  });
});

describe("applied steps: roles records and extra entries", () => {
  it("writes the marker, both entries and the roles record once, and forgets the roles on a removal", async () => {
    const { orgUid, auditLog, steps } = setup();
    const synced = { projectUid: "p1", person: "u1", roles: ["segment_manager", "admin"] };
    expect(
      await steps.markDone(orgUid, "plan1", "s1", {
        audit: change("s1"),
        alsoAudit: [drift],
        synced,
      }),
    ).toBe(true);
    expect(
      await steps.markDone(orgUid, "plan1", "s1", {
        audit: change("s1"),
        alsoAudit: [drift],
        synced,
      }),
    ).toBe(false);
    const { entries } = await auditLog.read(orgUid);
    expect(entries.map((entry) => entry.kind).sort()).toEqual(["change-applied", "drift-found"]);
    expect(await steps.lastSynced(orgUid)).toEqual([
      { projectUid: "p1", person: "u1", roles: ["admin", "segment_manager"] },
    ]);

    await steps.markDone(orgUid, "plan2", "s2", {
      synced: { projectUid: "p1", person: "u1", roles: null },
    });
    expect(await steps.lastSynced(orgUid)).toEqual([]);
  });

  it("keeps people apart whose keys are emails", async () => {
    const { orgUid, steps } = setup();
    await steps.markDone(orgUid, "plan1", "s1", {
      synced: { projectUid: "p1", person: "a@x.test", roles: ["observer"] },
    });
    await steps.markDone(orgUid, "plan1", "s2", {
      synced: { projectUid: "p2", person: "a@x.test", roles: ["admin"] },
    });
    expect(
      (await steps.lastSynced(orgUid)).sort((a, b) => a.projectUid.localeCompare(b.projectUid)),
    ).toEqual([
      { projectUid: "p1", person: "a@x.test", roles: ["observer"] },
      { projectUid: "p2", person: "a@x.test", roles: ["admin"] },
    ]);
  });

  it("records roles found already as desired, overwriting older records of the same pairs", async () => {
    const { orgUid, steps } = setup();
    await steps.markDone(orgUid, "plan1", "s1", {
      synced: { projectUid: "p1", person: "u1", roles: ["observer"] },
    });
    await steps.recordSynced(orgUid, [
      { projectUid: "p1", person: "u1", roles: ["marketer", "admin"] },
      { projectUid: "p2", person: "u2", roles: ["observer"] },
    ]);
    expect(
      (await steps.lastSynced(orgUid)).sort((a, b) => a.projectUid.localeCompare(b.projectUid)),
    ).toEqual([
      { projectUid: "p1", person: "u1", roles: ["admin", "marketer"] },
      { projectUid: "p2", person: "u2", roles: ["observer"] },
    ]);
  });
});
