import { describe, expect, it } from "vitest";
import { reconcile } from "../src/index";
import { fakePorts, world, writes, type FakeWorld } from "./fake-ports";

const LISTING = [
  "members.list",
  "lytics.listProjects",
  "lytics.listCollaborators:p-web",
  "lytics.listCollaborators:p-mkt",
];
const request = { orgUid: "org-acme" };

/** fay (org Admin) is missing from both projects: two invites; eli leaves: two removals (1 of 6 people). */
function changed(): FakeWorld {
  const w = world();
  w.members = w.members.filter((m) => m.userUid !== "u-eli");
  return w;
}

describe("reconcile", () => {
  it("a no-op reconcile makes only the listing calls", async () => {
    const w = world();
    w.members = w.members.filter((m) => m.userUid !== "u-fay");
    const fake = fakePorts(w);
    // The duration is read from the injected clock only: the run starts at its first reading,
    // and every later reading is 1234 ms on, however fast the machine runs the reconcile.
    let readings = 0;
    const started = Date.parse("2025-06-01T12:00:00.000Z");
    const clock = { now: () => (readings++ === 0 ? started : started + 1234) };
    const report = await reconcile({ ...fake.ports, clock }, request);
    expect(report.outcome).toBe("no-changes");
    expect(fake.calls).toEqual(LISTING);
    expect(report.calls).toEqual({
      "members.list": 1,
      "lytics.listProjects": 1,
      "lytics.listCollaborators": 2,
    });
    expect(report.durationMs).toBe(1234);
  });

  it("applies exactly the plan's writes, each claimed, audited and marked done, then converges", async () => {
    const w = changed();
    const fake = fakePorts(w);
    const report = await reconcile(fake.ports, request);
    expect(report.outcome).toBe("applied");
    expect(writes(fake.calls).sort()).toEqual(
      [
        "lytics.invite:p-mkt:fay@acme.test",
        "lytics.invite:p-web:fay@acme.test",
        "lytics.remove:p-mkt:u-eli",
        "lytics.remove:p-web:u-eli",
      ].sort(),
    );
    expect(report.counts).toMatchObject({ invites: 2, removals: 2, applied: 4 });
    expect(fake.audits.size).toBe(4);
    // order per step: claim, write, audit, done
    const i = fake.calls.indexOf("lytics.remove:p-mkt:u-eli");
    expect(fake.calls.slice(i - 1, i + 3)).toEqual([
      "steps.claim",
      "lytics.remove:p-mkt:u-eli",
      "audit.changeApplied",
      "steps.markDone",
    ]);
    const again = fakePorts(w);
    expect((await reconcile(again.ports, request)).outcome).toBe("no-changes");
  });

  it("applies a plan again when a later run needs the same change (someone undid it in Lytics)", async () => {
    const w = world();
    const fake = fakePorts(w);
    const first = await reconcile(fake.ports, { ...request, runId: "run-1" });
    expect(first.counts.applied).toBe(2); // fay invited to both projects
    // Someone removes fay in Lytics by hand: the next plan is the very same plan as before.
    for (const project of w.projects)
      project.collaborators = project.collaborators.filter((c) => c.email !== "fay@acme.test");
    const second = await reconcile(fake.ports, { ...request, runId: "run-2" });
    expect(second.planId).toBe(first.planId);
    expect(second.outcome).toBe("applied");
    expect(second.counts.applied).toBe(2);
    expect(writes(fake.calls).filter((c) => c.includes("fay@acme.test"))).toHaveLength(4);
    expect(fake.audits.size).toBe(4); // each application audited once, none deduplicated away
  });

  it("dry run returns the plan and the diff and writes nothing", async () => {
    const fake = fakePorts(changed());
    const report = await reconcile(fake.ports, { ...request, dryRun: true });
    expect(report.outcome).toBe("dry-run");
    expect(report.plan?.steps).toHaveLength(4);
    expect(report.diff).toContain("- remove eli@acme.test from Web: [observer]");
    expect(writes(fake.calls)).toEqual([]);
    expect(fake.audits.size + fake.events.size).toBe(0);
  });

  for (const crashAfter of [
    "steps.claim",
    "lytics.remove:p-mkt:u-eli",
    "audit.changeApplied",
    "steps.markDone",
  ]) {
    it(`a crash after ${crashAfter} is finished by the next run with no duplicate write or audit`, async () => {
      const w = changed();
      const first = fakePorts(w, { crashAfter });
      // A port that throws mid-apply is the process dying there: nothing after it runs.
      const crashed = await reconcile(first.ports, request);
      expect(crashed).toMatchObject({
        outcome: "failed",
        error: expect.stringContaining("crash after"),
      });
      // The next run shares the store (claims, done marks, audit) but not the crash.
      const second = fakePorts(w);
      Object.assign(second.ports, { steps: first.ports.steps, audit: first.ports.audit });
      const report = await reconcile(second.ports, request);
      expect(report.outcome).toMatch(/applied|no-changes/);
      const allWrites = [...writes(first.calls), ...writes(second.calls)];
      expect(new Set(allWrites).size).toBe(allWrites.length);
      expect(allWrites).toHaveLength(4);
      expect(first.audits.size).toBe(4);
      expect([...first.audits.values()].map((a) => a.step.kind).sort()).toEqual([
        "invite",
        "invite",
        "remove",
        "remove",
      ]);
      expect(first.claimed.size).toBe(0);
      expect((await reconcile(fakePorts(w).ports, request)).outcome).toBe("no-changes");
    });
  }

  it("holds a mass removal, audits plan-held, then applies once that plan is approved", async () => {
    const w = world();
    w.members = w.members.filter((m) => !["u-carl", "u-dan", "u-fay"].includes(m.userUid ?? ""));
    const fake = fakePorts(w);
    const held = await reconcile(fake.ports, request);
    expect(held.outcome).toBe("held");
    expect(writes(fake.calls)).toEqual([]);
    expect(fake.held).toHaveLength(1);
    expect([...fake.events.values()].map((e) => e.kind)).toEqual(["plan-held"]);
    expect(held.safety.find((d) => d.guard === "removal-share")).toMatchObject({
      outcome: "hold",
      data: { removed: 2, total: 5 },
    });

    const approved = await reconcile(fake.ports, { ...request, approvedPlanId: held.planId ?? "" });
    expect(approved.outcome).toBe("applied");
    expect(approved.planId).toBe(held.planId);
    expect(writes(fake.calls)).toHaveLength(4);
    expect([...fake.events.values()].map((e) => e.kind)).toEqual([
      "plan-held",
      "plan-approved-applied",
    ]);
  });

  it.each([
    ["a failed listing", (w: FakeWorld) => void (w.listingFails = true), "safety.listing.failed"],
    [
      "an empty listing",
      (w: FakeWorld) => void ((w.members = []), (w.total = 0)),
      "safety.listing.empty",
    ],
    ["a truncated listing", (w: FakeWorld) => void (w.total = 40), "safety.listing.truncated"],
  ])("%s aborts the run and removes nobody", async (_, damage, rule) => {
    const w = world();
    damage(w);
    const fake = fakePorts(w);
    const report = await reconcile(fake.ports, request);
    expect(report.outcome).toBe("aborted");
    expect(report.safety.at(-1)?.rule).toBe(rule);
    // The Lytics listings run alongside the member listing (they spend another budget); after an
    // untrusted member listing nothing is planned, claimed or written.
    expect(fake.calls[0]).toBe("members.list");
    expect(fake.calls.slice(1).every((c) => /^lytics\.list(Projects|Collaborators)/.test(c))).toBe(
      true,
    );
    expect([...fake.events.values()].map((e) => e.kind)).toEqual(["run-aborted"]);
  });

  it("a failed write stops the run as failed; the next run finishes", async () => {
    const w = changed();
    const fake = fakePorts(w);
    const remove = fake.ports.lytics.remove;
    Object.assign(fake.ports.lytics, {
      remove: async () => Promise.reject(new Error("429 Too Many Requests")),
    });
    const report = await reconcile(fake.ports, request);
    expect(report.outcome).toBe("failed");
    expect(report.error).toContain("429");
    Object.assign(fake.ports.lytics, { remove });
    expect((await reconcile(fake.ports, request)).outcome).toBe("applied");
    expect((await reconcile(fake.ports, request)).outcome).toBe("no-changes");
  });

  it("never removes the last Admin of a project: the run applies the rest, keeps them with a notice, and removes them once someone else holds Admin", async () => {
    // On Web the only Admin is zed, who is not in the organization; Olga (the Owner) is not there.
    const w = world();
    const web = w.projects.find((p) => p.uid === "p-web");
    if (!web) throw new Error("no Web project");
    web.collaborators = web.collaborators.map((c) =>
      c.userUid === "u-owner"
        ? { userUid: "u-zed", email: "zed@elsewhere.test", roles: ["admin"] }
        : c,
    );
    const fake = fakePorts(w);
    const report = await reconcile(fake.ports, request);
    expect(report.outcome).toBe("applied");
    // Olga is invited as Admin (an open invitation holds nothing yet); zed stays.
    expect(writes(fake.calls)).toContain("lytics.invite:p-web:olga@acme.test");
    expect(writes(fake.calls).filter((c) => c.startsWith("lytics.remove:p-web:u-zed"))).toEqual([]);
    expect(report.safety.find((d) => d.guard === "last-admin")).toMatchObject({
      outcome: "adjust",
      rule: "project.guard.last-admin",
    });
    expect(report.plan?.notices).toContainEqual(
      expect.objectContaining({
        kind: "last-admin-kept",
        projectId: "p-web",
        person: "zed@elsewhere.test",
      }),
    );

    // Still so while the invitation is open.
    const open = fakePorts(w);
    await reconcile(open.ports, request);
    expect(writes(open.calls)).toEqual([]);

    // Olga accepts: she holds Admin, so zed goes.
    for (const c of web.collaborators)
      if (c.userUid === "invite_olga@acme.test") c.userUid = "u-owner";
    const accepted = fakePorts(w);
    const after = await reconcile(accepted.ports, request);
    expect(after.outcome).toBe("applied");
    expect(writes(accepted.calls)).toEqual(["lytics.remove:p-web:u-zed"]);
  });
});
