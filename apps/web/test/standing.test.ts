// DESIGN §3.1 "who counts as what": a Guest is an organization user marked as a guest or
// collaborator, a mark only the organization's users listing carries (GET /v3/user does not), and
// Contentstack lets only Owners and Admins list users. The standing is therefore read with the
// organization's connected credential when there is one; without it the app says it could not
// tell a Guest from a Member. Route handlers against both emulators and a real redis-server.
import { describe, expect, it } from "vitest";

import { connectSync } from "../src/lib/server/handlers/connect-sync";
import { dataActivationLayer } from "../src/lib/server/handlers/data-activation-layer";
import { launch } from "../src/lib/server/handlers/launch";
import { loadSession } from "../src/lib/server/load-session";
import { loadOverview } from "../src/lib/server/overview";
import { accessCheckHandler } from "../src/lib/server/troubleshooting/handlers";
import { ACME, MIA, OLIVIA, appRequest } from "./support/harness";
import { useFullHarness, type AppSession } from "./support/full-harness";

const h = useFullHarness();

const GUS = "blt_user_gus"; // Acme Guest (a Member role uid plus the guest mark), observer on 1001
const ADAM = "blt_user_adam"; // Acme Admin
const P1001 = "66ac00000000000000001001";

const sessionId = (app: AppSession) => app.cookie.split("=")[1];

async function personOf(app: AppSession, now?: () => number) {
  const state = await loadSession(h.svc, sessionId(app), now);
  if (state.status !== "active") throw new Error(`session is ${state.status}`);
  return state.person;
}

describe("organization standing: a Guest is not treated as a Member", () => {
  it("without a connected credential, says a Guest cannot be told from a Member", async () => {
    expect(await h.svc.installations.get(ACME)).toBeNull();
    const gus = await h.signIn(GUS, ACME);
    expect(await personOf(gus)).toMatchObject({
      role: "member",
      standingSource: "own-profile",
    });
    // An Admin's own token lists the users: read from the listing even unconnected.
    const adam = await h.signIn(ADAM, ACME);
    expect(await personOf(adam)).toMatchObject({
      role: "admin",
      standingSource: "organization-users",
    });
  });

  it("with the organization's credential, a Guest is a Guest at sign-in and at the next recheck", async () => {
    const before = await h.signIn(GUS, ACME);
    await h.connectOrganization(OLIVIA.uid, OLIVIA.email);

    const gus = await h.signIn(GUS, ACME);
    expect(await personOf(gus)).toMatchObject({
      email: "gus.guest@partner.test",
      role: "guest",
      standingSource: "organization-users",
    });
    const mia = await h.signIn(MIA.uid, ACME);
    expect(await personOf(mia)).toMatchObject({
      role: "member",
      standingSource: "organization-users",
    });

    // A session started before the connection is corrected at its next recheck.
    expect((await personOf(before)).role).toBe("member");
    const later = Date.now() + h.svc.env.SESSION_RECHECK_MS + 1000;
    expect(await personOf(before, () => later)).toMatchObject({
      role: "guest",
      standingSource: "organization-users",
    });
  });

  it("a Guest gets neither Connect nor the DAL action, and launches only the project they are on", async () => {
    const gus = await h.signIn(GUS, ACME);
    const connect = await connectSync(
      h.svc,
      appRequest("/api/connection", { body: { code: "x".repeat(43) }, ...gus }),
      h.link,
    );
    expect(connect.status).toBe(403);
    expect(await connect.json()).toMatchObject({
      error: "forbidden",
      rule: "org.settings.org-admin-only",
    });

    await h.control("DELETE", `/organizations/${ACME}/data-activation-layer`);
    const dal = (await (
      await dataActivationLayer(
        h.svc,
        appRequest("/api/data-activation-layer", {
          method: "GET",
          cookie: gus.cookie,
          origin: null,
        }),
      )
    ).json()) as Record<string, unknown>;
    expect(dal).toMatchObject({ status: "missing", canCreate: false, createUrl: null });
    await h.control("PUT", `/organizations/${ACME}/data-activation-layer`, {
      title: "Acme DAL",
      domain: "acme.test",
    });

    const launched = (await (
      await launch(
        h.svc,
        appRequest("/api/launch", { method: "GET", cookie: gus.cookie, origin: null }),
      )
    ).json()) as { projects: Array<{ uid: string; url: string }> };
    expect(launched.projects.map((p) => p.uid)).toEqual([P1001]);
    expect(launched.projects[0]?.url).toContain(`project=${P1001}`);
  });

  it("falls back to the person's own token when the organization's credential is refused", async () => {
    await h.svc.installations.markNeedsReconnect(ACME, "refresh token revoked (test)");
    const adam = await h.signIn(ADAM, ACME);
    expect(await personOf(adam)).toMatchObject({
      role: "admin",
      standingSource: "organization-users",
    });
    const gus = await h.signIn(GUS, ACME);
    expect(await personOf(gus)).toMatchObject({ role: "member", standingSource: "own-profile" });
  });
});

describe("Members see the organization's projects only through their own", () => {
  it("is told they are on none of the organization's projects, not that it has none", async () => {
    const added = await h.control("POST", `/organizations/${ACME}/members`, {
      email: "gina.owner@globex.test",
      org_roles: ["blt_role_acme_member"],
    });
    expect(added.status).toBe(201);
    const gina = await h.signIn("blt_user_gina", ACME);
    const get = (path: string) =>
      appRequest(path, { method: "GET", cookie: gina.cookie, origin: null });

    // Not connected: the organization's projects cannot be counted, and nothing false is said.
    await h.svc.installations.disconnect(ACME);
    let refused = await launch(h.svc, get("/api/launch"));
    expect(refused.status).toBe(409);
    let answer = (await refused.json()) as { error: string; reasons: string[] };
    expect(answer.error).toBe("no-project");
    expect(answer.reasons[0]).toMatch(
      /^You are not on any Data & Insights project of this organization\. Ask/,
    );

    // Connected: counted with the organization's credential.
    await h.connectOrganization(OLIVIA.uid, OLIVIA.email);
    refused = await launch(h.svc, get("/api/launch"));
    answer = (await refused.json()) as { error: string; reasons: string[] };
    expect(answer.reasons[0]).toMatch(
      /not on any Data & Insights project of this organization \(it has 2\)/,
    );
    // The Owner's access checker names her by email alone (no name anywhere), not twice.
    const olivia = await h.signIn(OLIVIA.uid, ACME);
    const checker = (await (
      await accessCheckHandler(
        h.svc,
        appRequest("/api/troubleshooting/access-check", {
          method: "GET",
          cookie: olivia.cookie,
          origin: null,
        }),
      )
    ).json()) as { people: Array<{ userUid: string; label: string }> };
    expect(checker.people.find((p) => p.userUid === "blt_user_gina")?.label).toBe(
      "gina.owner@globex.test",
    );
    const state = await loadSession(h.svc, sessionId(gina));
    if (state.status !== "active") throw new Error("no session");
    const overview = await loadOverview(h.svc, state);
    expect(overview).toMatchObject({
      projectNames: [],
      listsEveryProject: false,
      organizationProjectCount: 2,
    });
  });

  it("a project owner whose only project is named otherwise sees no name mismatch", async () => {
    const max = await h.signIn("blt_user_max", ACME); // owner of Acme Campaigns only
    const state = await loadSession(h.svc, sessionId(max));
    if (state.status !== "active") throw new Error("no session");
    // Connected (the test above): judged on every project, "Acme Corporation" among them.
    expect(await loadOverview(h.svc, state)).toMatchObject({
      projectNames: ["Acme Campaigns"],
      organizationProjectCount: 2,
      namesMatch: true,
    });
    // Not connected: the organization's names are unknown, so nothing is claimed.
    await h.svc.installations.disconnect(ACME);
    expect(await loadOverview(h.svc, state)).toMatchObject({ namesMatch: null });
  });
});
