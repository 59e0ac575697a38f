// Issue 11 "Sync": status, run now, the dry run as a diff, held plans (the Owner approves), run
// history, the audit log with filters and CSV, and the live feed; as each person of the fixture,
// against both emulators, the run's Redis and a real worker.
import type { RunningWorker } from "@lytics-access/worker";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { setSyncLinkForTests } from "../src/lib/server/connect/sync-link";
import { dryRun } from "../src/lib/server/sync-page/dry-run";
import {
  approveHeldPlanHandler,
  auditCsvHandler,
  auditHandler,
  dryRunHandler,
  heldPlansHandler,
  runNowHandler,
  syncEventsHandler,
  syncStatusHandler,
} from "../src/lib/server/sync-page/handlers";
import { useFullHarness, type AppSession } from "./support/full-harness";
import { ACME, MIA, OLIVIA, appRequest } from "./support/harness";
import { eventually, lyticsAccounts, startTestWorker } from "./support/start-test-worker";

const ADAM = { uid: "blt_user_adam", email: "adam.admin@acme.test" };
const GUS = { uid: "blt_user_gus", email: "gus.guest@partner.test" };
const LEE = "lee.leaver@acme.test";
const CAMPAIGNS = "66ac00000000000000001002";

const h = useFullHarness();
let worker: RunningWorker | undefined;
const as: Record<"olivia" | "adam" | "mia" | "gus", AppSession> = {} as never;

beforeAll(async () => {
  setSyncLinkForTests(h.link);
  as.olivia = await h.signIn(OLIVIA.uid);
}, 30_000);

afterAll(async () => {
  await worker?.close();
  setSyncLinkForTests(undefined);
});

const get = (path: string, session?: AppSession) =>
  appRequest(path, { method: "GET", ...(session ? { cookie: session.cookie } : {}) });
const post = (path: string, session: AppSession, body: unknown = {}) =>
  appRequest(path, { body, cookie: session.cookie, csrf: session.csrf });

async function bodyOf(response: Response): Promise<Record<string, unknown>> {
  return (await response.json()) as Record<string, unknown>;
}

interface DiffLineBody {
  sign: string;
  person: string;
  before: string[];
  after: string[];
  why: { rule: string; text: string }[];
}
interface PlanBody {
  planId: string;
  projects: { projectId: string; name: string; lines: DiffLineBody[] }[];
}

describe("before the organization is connected", () => {
  it("refuses run now and the dry run with the reason", async () => {
    for (const handler of [runNowHandler, dryRunHandler]) {
      const response = await handler(h.svc, post("/api/sync/run", as.olivia));
      expect(response.status).toBe(409);
      expect(await bodyOf(response)).toMatchObject({
        error: "not-connected",
        reasons: [expect.stringContaining("not connected")],
      });
    }
    const status = await bodyOf(await syncStatusHandler(h.svc, get("/api/sync/status", as.olivia)));
    expect(status).toMatchObject({ connection: "not-connected", jobs: [], latestRun: null });
  });
});

describe("with no worker running", () => {
  it("says so when nobody answers the dry run, instead of hanging", async () => {
    const answer = await dryRun(h.link, h.svc.env.REDIS_URL, ACME, {
      requestedBy: OLIVIA.email,
      timeoutMs: 300,
    });
    expect(answer).toMatchObject({
      ok: false,
      status: 504,
      error: "worker-timeout",
      reasons: [expect.stringContaining("is the sync worker running? Nothing was changed.")],
    });
  });
});

describe("connected, as each person", () => {
  beforeAll(async () => {
    await h.connectOrganization(OLIVIA.uid, OLIVIA.email);
    as.adam = await h.signIn(ADAM.uid);
    as.mia = await h.signIn(MIA.uid);
    as.gus = await h.signIn(GUS.uid);
    worker = await startTestWorker(h.svc, h.link);
  }, 60_000);

  it("refuses Members and Guests every sync read and action, with the rule and reasons", async () => {
    for (const session of [as.mia, as.gus]) {
      for (const response of [
        await syncStatusHandler(h.svc, get("/api/sync/status", session)),
        await syncEventsHandler(h.svc, get("/api/sync/events", session)),
        await heldPlansHandler(h.svc, get("/api/sync/held-plans", session)),
        await auditHandler(h.svc, get("/api/sync/audit", session)),
        await auditCsvHandler(h.svc, get("/api/sync/audit.csv", session)),
        await runNowHandler(h.svc, post("/api/sync/run", session)),
        await dryRunHandler(h.svc, post("/api/sync/dry-run", session)),
      ]) {
        expect(response.status).toBe(403);
        const body = await bodyOf(response);
        expect(body).toMatchObject({ error: "forbidden", rule: "org.settings.org-admin-only" });
        expect((body.reasons as string[])[0]).toMatch(/only organization Owners and Admins/);
      }
      const approve = await approveHeldPlanHandler(
        h.svc,
        post("/api/sync/held-plans/approve", session, { planId: "x" }),
      );
      expect(approve.status).toBe(403);
      expect((await bodyOf(approve)).reasons).toContainEqual(
        expect.stringMatching(
          /^sync\.approve-held-plan is denied: only the organization's Owner may approve a plan the sync held for removing too many people \(DESIGN §4\)/,
        ),
      );
    }
    expect((await syncStatusHandler(h.svc, get("/api/sync/status"))).status).toBe(401);
    const noCsrf = await runNowHandler(
      h.svc,
      appRequest("/api/sync/run", { body: {}, cookie: as.adam.cookie }),
    );
    expect(noCsrf.status).toBe(403);
    expect(await bodyOf(noCsrf)).toMatchObject({ error: "csrf" });
  });

  it("shows an Admin the dry run as a diff, with every line's reason, and writes nothing", async () => {
    const before = await lyticsAccounts(h.lyticsUrl);
    const response = await dryRunHandler(h.svc, post("/api/sync/dry-run", as.adam));
    expect(response.status).toBe(200);
    const body = (await response.json()) as {
      plan: PlanBody;
      safety: { guard: string; outcome: string; reason: string }[];
    };
    const lines = body.plan.projects.flatMap((project) => project.lines);
    // Lee left the organization: removed, citing the rule.
    const lee = lines.find((line) => line.person === LEE);
    expect(lee).toMatchObject({ sign: "-", before: ["data_manager"], after: [] });
    expect(lee?.why[0]?.rule).toBe("sync.not-in-org");
    // Ada (org Admin, observer on Acme Campaigns) gets the Editor bundle.
    const campaigns = body.plan.projects.find((project) => project.name === "Acme Campaigns");
    expect(campaigns?.projectId).toBe(CAMPAIGNS);
    expect(campaigns?.lines.find((line) => line.person === "ada.admin@acme.test")).toMatchObject({
      sign: "~",
      before: ["observer"],
    });
    // Nothing was granted through the app yet, so the plan would remove more than 20%: the guard
    // says it would hold it.
    expect(body.safety.find((d) => d.guard === "removal-share")).toMatchObject({
      outcome: "hold",
      reason: expect.stringContaining("more than the 20.0% allowed"),
    });
    expect(await lyticsAccounts(h.lyticsUrl)).toEqual(before);
  });

  it("runs now for an Owner: the plan is held, shown with the guard's reason, and in the history", async () => {
    const response = await runNowHandler(h.svc, post("/api/sync/run", as.olivia));
    expect(response.status).toBe(202);
    expect((await bodyOf(response)).jobId).toEqual(expect.any(String));
    const held = await eventually(async () => {
      const plans = (
        (await bodyOf(await heldPlansHandler(h.svc, get("/api/sync/held-plans", as.adam))))
          .plans as { planId: string; heldBy: { guard: string; rule: string; reason: string } }[]
      )[0];
      return plans;
    }, "a held plan");
    expect(held.heldBy).toMatchObject({
      guard: "removal-share",
      rule: "safety.removal-share.exceeded",
      reason: expect.stringMatching(
        /removes \d+ of \d+ Lytics users .* without an Owner's approval/,
      ),
    });
    const status = await eventually(async () => {
      const body = await bodyOf(await syncStatusHandler(h.svc, get("/api/sync/status", as.adam)));
      return (body.latestRun as { outcome?: string } | null)?.outcome === "held" ? body : undefined;
    }, "the held run in the history");
    expect(status).toMatchObject({ connection: "connected", heldPlans: 1 });
    expect((status.latestRun as { counts: { removals: number } }).counts.removals).toBeGreaterThan(
      0,
    );
  });

  it("lets only the Owner approve a held plan, once; the worker then applies it", async () => {
    const plans = (
      await bodyOf(await heldPlansHandler(h.svc, get("/api/sync/held-plans", as.adam)))
    ).plans as { planId: string }[];
    const planId = plans[0]?.planId ?? "";

    // A plan an earlier hold left behind: replaced by the newest, so neither waiting nor approvable.
    const newest = await h.svc.heldPlans.get(ACME, planId);
    if (!newest) throw new Error("the held plan is gone");
    await h.svc.heldPlans.hold(ACME, {
      ...newest,
      planId: "plan-replaced-earlier",
      createdAt: newest.createdAt - 60_000,
    });
    const replaced = await approveHeldPlanHandler(
      h.svc,
      post("/api/sync/held-plans/approve", as.olivia, { planId: "plan-replaced-earlier" }),
    );
    expect(replaced.status).toBe(409);
    expect(await bodyOf(replaced)).toMatchObject({
      error: "replaced",
      reasons: [expect.stringContaining(`replaced by a newer plan, ${planId}`)],
    });
    expect(
      (await bodyOf(await syncStatusHandler(h.svc, get("/api/sync/status", as.adam)))).heldPlans,
    ).toBe(1);

    const byAdmin = await approveHeldPlanHandler(
      h.svc,
      post("/api/sync/held-plans/approve", as.adam, { planId }),
    );
    expect(byAdmin.status).toBe(403);
    const refusal = await bodyOf(byAdmin);
    expect(refusal).toMatchObject({ error: "forbidden", rule: "org.owner-only" });
    expect((refusal.reasons as string[])[0]).toMatch(/only the organization's Owner may approve/);

    const bad = await approveHeldPlanHandler(
      h.svc,
      post("/api/sync/held-plans/approve", as.olivia, { planId, extra: 1 }),
    );
    expect(bad.status).toBe(400);
    const unknown = await approveHeldPlanHandler(
      h.svc,
      post("/api/sync/held-plans/approve", as.olivia, { planId: "plan-that-is-not-held" }),
    );
    expect(unknown.status).toBe(404);

    const approved = await approveHeldPlanHandler(
      h.svc,
      post("/api/sync/held-plans/approve", as.olivia, { planId }),
    );
    expect(approved.status).toBe(202);
    expect(await bodyOf(approved)).toMatchObject({ approved: planId, jobId: expect.any(String) });
    const again = await approveHeldPlanHandler(
      h.svc,
      post("/api/sync/held-plans/approve", as.olivia, { planId }),
    );
    expect(again.status).toBe(409);
    expect((await bodyOf(again)).reasons).toEqual([
      expect.stringContaining(`already approved by ${OLIVIA.email}`),
    ]);

    await eventually(async () => {
      const web = (await lyticsAccounts(h.lyticsUrl)).find((account) => account.aid === 1001);
      return web && !web.users.some((user) => user.email === LEE);
    }, "Lee removed from Lytics");
  });

  it("filters and pages the audit log, and exports the same filters as CSV", async () => {
    const approvals = await bodyOf(
      await auditHandler(h.svc, get("/api/sync/audit?kind=plan-approved", as.adam)),
    );
    expect(approvals.entries).toEqual([
      expect.objectContaining({
        kind: "plan-approved",
        actor: expect.objectContaining({ email: OLIVIA.email }),
      }),
    ]);

    const lee = await eventually(async () => {
      const page = await bodyOf(
        await auditHandler(h.svc, get(`/api/sync/audit?person=${LEE.toUpperCase()}`, as.adam)),
      );
      return (page.entries as unknown[]).length > 0 ? page : undefined;
    }, "Lee's audit entries");
    for (const entry of lee.entries as { kind: string; person: { email: string } }[]) {
      expect(entry.person.email).toBe(LEE);
      expect(entry.kind).toBe("change-applied");
    }

    // The approved plan's writes land one by one; Acme Campaigns' come after Lee's removal.
    const project = await eventually(async () => {
      const page = await bodyOf(
        await auditHandler(
          h.svc,
          get(`/api/sync/audit?project=${CAMPAIGNS}&kind=change-applied`, as.adam),
        ),
      );
      return (page.entries as unknown[]).length > 0 ? page : undefined;
    }, "changes audited on Acme Campaigns");
    for (const entry of project.entries as { projectUid: string }[])
      expect(entry.projectUid).toBe(CAMPAIGNS);

    const future = await bodyOf(
      await auditHandler(h.svc, get("/api/sync/audit?from=2999-01-01", as.adam)),
    );
    expect(future).toEqual({ entries: [], nextCursor: null });

    const first = await bodyOf(await auditHandler(h.svc, get("/api/sync/audit?limit=1", as.adam)));
    expect(first.entries).toHaveLength(1);
    expect(first.nextCursor).toEqual(expect.any(String));
    const second = await bodyOf(
      await auditHandler(
        h.svc,
        get(`/api/sync/audit?limit=1&cursor=${String(first.nextCursor)}`, as.adam),
      ),
    );
    expect((second.entries as { id: string }[])[0]?.id).not.toBe(
      (first.entries as { id: string }[])[0]?.id,
    );

    for (const query of [
      "kind=nonsense",
      "from=yesterday",
      "from=2026-12-02&to=2026-12-01",
      "x=1",
    ]) {
      const response = await auditHandler(h.svc, get(`/api/sync/audit?${query}`, as.adam));
      expect(response.status, query).toBe(400);
      expect(await bodyOf(response)).toMatchObject({ error: "invalid-query" });
    }

    const csv = await auditCsvHandler(h.svc, get(`/api/sync/audit.csv?person=${LEE}`, as.adam));
    expect(csv.status).toBe(200);
    expect(csv.headers.get("content-type")).toMatch(/^text\/csv/);
    expect(csv.headers.get("content-disposition")).toMatch(/attachment; filename="audit-/);
    const rows = (await csv.text()).trim().split("\r\n");
    expect(rows[0]).toBe("id,time,kind,actor,project,person_email,person_uid,run_id,details");
    expect(rows.length).toBe((lee.entries as unknown[]).length + 1);
    for (const row of rows.slice(1)) expect(row).toContain(LEE);
  });

  it("streams the status as Server-Sent Events until the client goes away", async () => {
    const controller = new AbortController();
    const request = new Request(`${get("/api/sync/events", as.adam).url}`, {
      headers: { cookie: as.adam.cookie },
      signal: controller.signal,
    });
    const response = await syncEventsHandler(h.svc, request, { intervalMs: 50 });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^text\/event-stream/);
    const reader = (response.body as ReadableStream<Uint8Array>).getReader();
    const decoder = new TextDecoder();
    let text = "";
    while (!text.includes("event: status\ndata: ")) {
      const chunk = await reader.read();
      if (chunk.done) break;
      text += decoder.decode(chunk.value);
    }
    expect(text.startsWith("retry: 2000\n\n")).toBe(true);
    const data = /event: status\ndata: (.*)\n\n/.exec(text)?.[1] ?? "{}";
    expect(JSON.parse(data)).toMatchObject({ connection: "connected", jobs: expect.any(Array) });
    controller.abort();
    await reader.cancel();
    expect((await reader.read()).done).toBe(true);
  });
});
