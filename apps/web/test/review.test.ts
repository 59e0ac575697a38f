// Access review (issue 11): Owners and Admins see who holds which roles on which project and why,
// export it as CSV (formula-injection safe), and sign it off in the audit log; others are refused.
import { describe, expect, it } from "vitest";

import { exportReview, getReview, signOffReview } from "../src/lib/server/review/review-handlers";
import { useFullHarness, type AppSession } from "./support/full-harness";
import { ACME, MIA, OLIVIA, appRequest } from "./support/harness";

const h = useFullHarness();

const ACME_CORP = "66ac00000000000000001001";
const ADAM = "blt_user_adam";
const DAY = 86_400_000;

type Body = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const get = (path: string, who: AppSession) =>
  appRequest(path, { method: "GET", cookie: who.cookie, origin: null });
const review = async (who: AppSession) => {
  const response = await getReview(h.svc, get("/api/review", who));
  return { status: response.status, body: (await response.json()) as Body };
};
const rowOf = (body: Body, email: string, projectUid = ACME_CORP) =>
  body.rows.find((r: Body) => r.email === email && r.projectUid === projectUid);

let olivia: AppSession;
let adam: AppSession;
let mia: AppSession;

describe("access review", () => {
  it("refuses a Member with the rule and reasons; no export, no sign-off", async () => {
    await h.connectOrganization(OLIVIA.uid, OLIVIA.email);
    [olivia, adam, mia] = await Promise.all([
      h.signIn(OLIVIA.uid),
      h.signIn(ADAM),
      h.signIn(MIA.uid),
    ]);
    const refused = await review(mia);
    expect(refused.status).toBe(403);
    expect(refused.body).toMatchObject({ error: "forbidden", rule: "org.settings.org-admin-only" });
    expect(refused.body.reasons[0]).toMatch(/only organization Owners and Admins/);
    expect((await exportReview(h.svc, get("/api/review/export", mia))).status).toBe(403);
    const signOff = await signOffReview(
      h.svc,
      appRequest("/api/review/sign-off", { cookie: mia.cookie, csrf: mia.csrf, body: {} }),
    );
    expect(signOff.status).toBe(403);
    expect(
      (await h.svc.auditLog.read(ACME, { kinds: ["access-review-signed-off"] })).entries,
    ).toEqual([]);
  });

  it("shows an Admin every holding with why, grant expiries and last sign-in where known", async () => {
    const expiresAt = Date.now() + 10 * DAY;
    await h.svc.grants.create(ACME, {
      projectUid: ACME_CORP,
      email: MIA.email,
      userUid: MIA.uid,
      roles: ["observer"],
      expiresAt,
      grantedBy: { type: "person", uid: OLIVIA.uid, name: "Olivia Owner" },
      source: "app",
    });
    const { status, body } = await review(adam);
    expect(status).toBe(200);
    expect(body.source).toBe("organization");
    const owner = rowOf(body, OLIVIA.email);
    expect(owner).toMatchObject({ standing: "owner", roles: ["Admin"], verdict: "explained" });
    expect(owner.why[0]).toMatchObject({ kind: "org-owner", rule: "desired.org-owner" });
    expect(owner.lastSignIn).toEqual(expect.any(Number));
    const member = rowOf(body, MIA.email);
    expect(member).toMatchObject({
      standing: "member",
      roles: ["Observer"],
      verdict: "explained",
      grant: { expiresAt, source: "app", grantedBy: "Olivia Owner" },
    });
    expect(member.why.map((w: Body) => w.kind)).toEqual(["collaborator"]);
    // Lee left the organization; nothing gives him Data Manager, so the sync removes him.
    const leaver = rowOf(body, "lee.leaver@acme.test");
    expect(leaver).toMatchObject({
      standing: "not in organization",
      verdict: "unexplained",
      why: [],
      lastSignIn: null,
    });
    // Max never opened the app here: unknown.
    expect(rowOf(body, "max.member@acme.test", "66ac00000000000000001002").lastSignIn).toBeNull();
  });

  it("exports CSV with a download name, every row, and formula-looking cells neutralised", async () => {
    await h.svc.grants.create(ACME, {
      projectUid: "66ac00000000000000001002",
      email: "mona.member@acme.test",
      userUid: "blt_user_mona",
      roles: ["marketer", "segment_manager"],
      grantedBy: { type: "person", uid: "x", name: '=HYPERLINK("https://evil.test","Olivia")' },
      source: "app",
    });
    const response = await exportReview(h.svc, get("/api/review/export", olivia));
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("content-disposition")).toMatch(
      /^attachment; filename="access-review-\d{4}-\d{2}-\d{2}\.csv"$/,
    );
    const text = await response.text();
    const lines = text.split("\r\n");
    expect(lines[0]).toBe(
      "project,project_uid,person,email,user_uid,org_standing,roles,why,verdict,expected_roles,grant_expires,grant_source,granted_by,last_opened_app",
    );
    expect(lines.at(-1)).toBe("");
    expect(lines.length - 2).toBe((await review(olivia)).body.rows.length);
    expect(text).toContain(`"'=HYPERLINK(""https://evil.test"",""Olivia"")"`);
    expect(text).not.toMatch(/(^|,)=HYPERLINK/m);
    const mona = lines.find((l) => l.includes("mona.member@acme.test"));
    expect(mona).toContain("Marketer; Audience Manager");
    expect(lines.find((l) => l.includes("max.member@acme.test"))).toMatch(/,unknown$/);
  });

  it("refuses an Admin's sign-off: the Owner signs off (Admins review and export)", async () => {
    const refused = await signOffReview(
      h.svc,
      appRequest("/api/review/sign-off", { cookie: adam.cookie, csrf: adam.csrf, body: {} }),
    );
    expect(refused.status).toBe(403);
    const body = (await refused.json()) as Body;
    expect(body).toMatchObject({ error: "forbidden", rule: "org.owner-only" });
    expect(body.reasons[0]).toMatch(/only the organization's Owner may sign off an access review/);
    expect((await exportReview(h.svc, get("/api/review/export", adam))).status).toBe(200);
  });

  it("records an Owner's sign-off with a note in the audit log and shows it as the last one", async () => {
    const noCsrf = await signOffReview(
      h.svc,
      appRequest("/api/review/sign-off", { cookie: olivia.cookie, body: {} }),
    );
    expect(noCsrf.status).toBe(403);
    const tooLong = await signOffReview(
      h.svc,
      appRequest("/api/review/sign-off", {
        cookie: olivia.cookie,
        csrf: olivia.csrf,
        body: { note: "x".repeat(2001) },
      }),
    );
    expect(tooLong.status).toBe(400);
    const signed = await signOffReview(
      h.svc,
      appRequest("/api/review/sign-off", {
        cookie: olivia.cookie,
        csrf: olivia.csrf,
        body: { note: "Q4 review: Lee to be removed by the sync" },
      }),
    );
    expect(signed.status).toBe(200);
    const rows = (await review(olivia)).body.rows.length as number;
    const entries = (await h.svc.auditLog.read(ACME, { kinds: ["access-review-signed-off"] }))
      .entries;
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      actor: { type: "person", uid: OLIVIA.uid, email: OLIVIA.email },
      assignments: rows,
      expiringGrants: 1,
      note: "Q4 review: Lee to be removed by the sync",
    });
    const { body } = await review(adam);
    expect(body.lastSignOff).toMatchObject({
      by: "Olivia Owner",
      note: "Q4 review: Lee to be removed by the sync",
    });
    expect(body.lastSignOff.at).toBe(entries[0]?.at);
  });
});
