// Issue 11, Members and access: the Members page's route handlers against the emulators, a real
// redis-server and a real worker (which writes the member directory and runs "sync this person").
import { startWorker, type RunningWorker } from "@lytics-access/worker";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { setSyncLinkForTests, workerConfigFrom } from "../src/lib/server/connect/sync-link";
import {
  memberExplanationHandler,
  membersHandler,
  membersSyncNowHandler,
  syncPersonHandler,
} from "../src/lib/server/members/handlers";
import { memberDirectory } from "../src/lib/server/members/member-directory";
import { ACME, MIA, OLIVIA, appRequest } from "./support/harness";
import { useFullHarness, type AppSession } from "./support/full-harness";

const h = useFullHarness();
const GUS = { uid: "blt_user_gus", email: "gus.guest@partner.test" };
const ACME_CORP = "66ac00000000000000001001";

type Body = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const read = async (response: Response) => ({
  status: response.status,
  body: (await response.json()) as Body,
});
const get = (path: string, s: AppSession) =>
  appRequest(path, { method: "GET", cookie: s.cookie, origin: null });
const post = (path: string, s: AppSession, body: unknown, withCsrf = true) =>
  appRequest(path, { body, cookie: s.cookie, ...(withCsrf ? { csrf: s.csrf } : {}) });
const list = async (s: AppSession, query = "") =>
  read(await membersHandler(h.svc, get(`/api/members${query}`, s)));

let olivia: AppSession;
let mia: AppSession;
let gus: AppSession;
let worker: RunningWorker | undefined;

beforeAll(async () => {
  setSyncLinkForTests(h.link);
  await h.connectOrganization(OLIVIA.uid, OLIVIA.email);
  olivia = await h.signIn(OLIVIA.uid);
  mia = await h.signIn(MIA.uid);
  gus = await h.signIn(GUS.uid);
});

afterAll(async () => {
  await worker?.close();
  setSyncLinkForTests(undefined);
});

describe("members before the first reconcile", () => {
  it("says there is no directory yet and offers Sync now to Owners and Admins only", async () => {
    const owner = await list(olivia);
    expect(owner.status).toBe(200);
    expect(owner.body).toMatchObject({ kind: "no-directory", connected: true, canSync: true });
    const member = await list(mia);
    expect(member.body).toMatchObject({ kind: "no-directory", canSync: false });

    const refused = await read(
      await membersSyncNowHandler(h.svc, post("/api/members/sync-now", mia, {})),
    );
    expect(refused.status).toBe(403);
    expect(refused.body).toMatchObject({ error: "forbidden", rule: "org.settings.org-admin-only" });
    const noCsrf = await membersSyncNowHandler(
      h.svc,
      post("/api/members/sync-now", olivia, {}, false),
    );
    expect(noCsrf.status).toBe(403);
    expect(((await noCsrf.json()) as Body).error).toBe("csrf");
  });

  it("refuses a Guest with the reason", async () => {
    const refused = await list(gus);
    expect(refused.status).toBe(403);
    expect(refused.body.error).toBe("forbidden");
    expect(refused.body.rule).toBe("org.settings.org-admin-only");
    expect(refused.body.reasons[0]).toMatch(/A Guest of the organization has no member list/);
  });
});

describe("members after a reconcile wrote the directory", () => {
  beforeAll(async () => {
    worker = await startWorker({
      config: workerConfigFrom(h.svc.env),
      queuePrefix: h.link.enqueuer().queues.sync.opts.prefix,
      storePrefix: h.svc.env.STORE_KEY_PREFIX,
    });
    const queued = await read(
      await membersSyncNowHandler(h.svc, post("/api/members/sync-now", olivia, {})),
    );
    expect(queued.status).toBe(202);
    const deadline = Date.now() + 30_000;
    while (Date.now() < deadline && !(await memberDirectory(h.svc).meta(ACME)))
      await new Promise((resolve) => setTimeout(resolve, 100));
    expect(await memberDirectory(h.svc).meta(ACME)).not.toBeNull();
  }, 60_000);

  it("lists, filters and pages everyone for the Owner, on the server", async () => {
    const all = await list(olivia);
    expect(all.status).toBe(200);
    expect(all.body).toMatchObject({ kind: "ok", scope: "everyone", canSync: true, page: 1 });
    expect(all.body.total).toBe(8);
    expect(all.body.rows.map((r: Body) => r.email)).toContain(MIA.email);
    expect(all.body.projects.map((p: Body) => p.uid)).toContain(ACME_CORP);
    expect(all.body.readAt).toBeGreaterThan(0);

    const admins = await list(olivia, "?role=admin");
    expect(admins.body.rows.map((r: Body) => r.email).sort()).toEqual([
      "ada.admin@acme.test",
      "adam.admin@acme.test",
    ]);
    expect(admins.body.rows.every((r: Body) => r.levelLabel === "Editor")).toBe(true);
    expect((await list(olivia, "?level=restricted")).body.rows.map((r: Body) => r.email)).toEqual([
      GUS.email,
    ]);
    expect((await list(olivia, "?q=MIA.mem")).body.rows.map((r: Body) => r.email)).toEqual([
      MIA.email,
    ]);
    const onProject = await list(olivia, `?project=${ACME_CORP}&role=owner`);
    expect(onProject.body.rows.map((r: Body) => r.email)).toEqual([OLIVIA.email]);
    const pending = await list(olivia, "?status=pending&role=member");
    expect(pending.body.rows.map((r: Body) => r.email)).toContain("pam.pending@acme.test");
    expect(pending.body.rows.every((r: Body) => r.status === "pending")).toBe(true);

    const paged = await list(olivia, "?size=3&page=2");
    expect(paged.body).toMatchObject({ page: 2, pageSize: 3, pageCount: 3, matching: 8 });
    expect(paged.body.rows).toHaveLength(3);
    const first = await list(olivia, "?size=3");
    expect(first.body.rows.map((r: Body) => r.key)).not.toContain(paged.body.rows[0].key);

    // An Admin sees everyone too; names come from the directory.
    const adam = await h.signIn("blt_user_adam");
    expect((await list(adam)).body).toMatchObject({ kind: "ok", scope: "everyone", total: 8 });
    expect(all.body.rows.find((r: Body) => r.email === OLIVIA.email).name).toBe("Olivia Owner");

    const tooBig = await list(olivia, "?size=51");
    expect(tooBig.status).toBe(400);
    expect(tooBig.body.reasons[0]).toMatch(/^size:/);
    const badRole = await list(olivia, "?role=emperor");
    expect(badRole.status).toBe(400);
    expect((await list(olivia, "?colour=red")).status).toBe(400);
  });

  it("shows a Member their own row only, and refuses them anyone else's explanation", async () => {
    const own = await list(mia);
    expect(own.body).toMatchObject({ kind: "ok", scope: "self", canSync: false, matching: 1 });
    expect(own.body.scopeReason).toMatch(/Only the organization's Owners and Admins/);
    expect(own.body.rows.map((r: Body) => r.key)).toEqual([MIA.uid]);
    // Filters cannot widen it.
    expect((await list(mia, "?role=owner")).body.rows).toEqual([]);

    const others = await read(
      await memberExplanationHandler(h.svc, get(`/api/members/explain?person=${OLIVIA.uid}`, mia)),
    );
    expect(others.status).toBe(403);
    expect(others.body.reasons[0]).toMatch(/A Member sees only their own access/);
    const mine = await read(
      await memberExplanationHandler(h.svc, get(`/api/members/explain?person=${MIA.uid}`, mia)),
    );
    expect(mine.status).toBe(200);
    expect(mine.body.level).toMatchObject({ rule: "level.member-default", levelLabel: "None" });

    const guest = await read(
      await memberExplanationHandler(h.svc, get(`/api/members/explain?person=${GUS.uid}`, gus)),
    );
    expect(guest.status).toBe(403);
  });

  it("explains a row: the level layer and each project's role sources", async () => {
    const answer = await read(
      await memberExplanationHandler(
        h.svc,
        get(`/api/members/explain?person=${OLIVIA.uid}`, olivia),
      ),
    );
    expect(answer.status).toBe(200);
    expect(answer.body.level).toMatchObject({
      layer: "org-role",
      rule: "level.org-owner",
      levelLabel: "Admin",
      roles: ["Admin"],
    });
    const corp = answer.body.projects.find((p: Body) => p.uid === ACME_CORP);
    expect(corp.desired).toEqual(["Admin"]);
    expect(corp.sources[0]).toMatchObject({ kind: "org-owner", rule: "desired.org-owner" });
    expect(answer.body.policyChanged).toBe(false);

    const unknown = await memberExplanationHandler(
      h.svc,
      get("/api/members/explain?person=blt_user_nobody", olivia),
    );
    expect(unknown.status).toBe(404);
    const missing = await memberExplanationHandler(h.svc, get("/api/members/explain", olivia));
    expect(missing.status).toBe(400);
  });

  it("syncs one person now through the worker and shows their step-by-step trace", async () => {
    const synced = await read(
      await syncPersonHandler(h.svc, post("/api/members/sync-person", olivia, { person: MIA.uid })),
    );
    expect(synced.status).toBe(200);
    expect(synced.body).toMatchObject({
      status: "finished",
      person: { key: MIA.uid, email: MIA.email },
    });
    expect(["applied", "no-changes"]).toContain(synced.body.outcome);
    const phases = synced.body.trace.map((line: Body) => line.phase);
    expect(phases).toContain("read");
    expect(phases).toContain("decide");
    expect(synced.body.trace[0].text).toMatch(/Contentstack member mia\.member@acme\.test/);
    expect(synced.body.syncStatus).toBe("in-sync");

    const byMember = await read(
      await syncPersonHandler(h.svc, post("/api/members/sync-person", mia, { person: MIA.uid })),
    );
    expect(byMember.status).toBe(403);
    expect(byMember.body.rule).toBe("org.settings.org-admin-only");
    const noCsrf = await syncPersonHandler(
      h.svc,
      post("/api/members/sync-person", olivia, { person: MIA.uid }, false),
    );
    expect(noCsrf.status).toBe(403);
    const badBody = await read(
      await syncPersonHandler(
        h.svc,
        post("/api/members/sync-person", olivia, { person: MIA.uid, extra: 1 }),
      ),
    );
    expect(badBody.status).toBe(400);
    const unknown = await syncPersonHandler(
      h.svc,
      post("/api/members/sync-person", olivia, { person: "blt_user_nobody" }),
    );
    expect(unknown.status).toBe(404);
  }, 60_000);
});
