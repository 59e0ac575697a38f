// Issue 10 "Connect", "Data Activation Layer gate" and "Launch": route handlers against both
// emulators, a real redis-server and the worker's own import service and queues.
import { describe, expect, it } from "vitest";

import { acceptImport, showImport } from "../src/lib/server/handlers/connection-import";
import { connectSync } from "../src/lib/server/handlers/connect-sync";
import { startConnect } from "../src/lib/server/handlers/connect-start";
import { dataActivationLayer } from "../src/lib/server/handlers/data-activation-layer";
import { launch } from "../src/lib/server/handlers/launch";
import { oauthCallback } from "../src/lib/server/handlers/oauth-callback";
import { startOAuth } from "../src/lib/server/handlers/oauth-start";
import { redeemHandoff } from "../src/lib/server/handlers/redeem-handoff";
import { startSession } from "../src/lib/server/handlers/start-session";
import { ACME, APP_URL, appRequest, authorizeAsBrowser, cookiePair } from "./support/harness";
import { useFullHarness } from "./support/full-harness";

const h = useFullHarness();

const GLOBEX = "blt_org_globex";
const OLIVIA = "blt_user_olivia"; // Acme Owner
const ADAM = "blt_user_adam"; // Acme Admin, Globex Member
const MIA = "blt_user_mia"; // Acme Member, observer on Acme Corporation (1001)
const GINA = "blt_user_gina"; // Globex Owner
const P1001 = "66ac00000000000000001001";
const P1002 = "66ac00000000000000001002";

type Json = Record<string, unknown>;

async function signIn(orgUid: string, userUid: string) {
  const appToken = await h.appToken(orgUid, userUid);
  const opened = await startSession(
    h.svc,
    appRequest("/api/session", { body: { appToken, organizationUid: orgUid } }),
  );
  const cookie = cookiePair(opened.headers.get("set-cookie"));
  const { csrfToken: csrf } = (await opened.json()) as { csrfToken: string };
  const start = await startOAuth(h.svc, new Request(`${APP_URL}/auth/start?org=${orgUid}`));
  const callback = await authorizeAsBrowser(
    start.headers.get("location") ?? "",
    await h.contentstackSession(userUid),
  );
  const page = await oauthCallback(
    h.svc,
    new Request(callback, { headers: { cookie: cookiePair(start.headers.get("set-cookie")) } }),
  );
  const code = /data-code="([^"]+)"/.exec(await page.text())?.[1];
  const redeemed = await redeemHandoff(
    h.svc,
    appRequest("/api/auth/handoff", { body: { code }, cookie, csrf }),
  );
  expect(redeemed.status).toBe(200);
  return { cookie, csrf };
}

/** The connect popup: /auth/connect/start, Contentstack's authorize page, our callback page. */
async function connectPopup(orgUid: string, userUid: string) {
  const start = await startConnect(
    h.svc,
    new Request(`${APP_URL}/auth/connect/start?org=${orgUid}`),
  );
  expect(start.status).toBe(302);
  const authorize = new URL(start.headers.get("location") ?? "");
  const callback = await authorizeAsBrowser(
    authorize.toString(),
    await h.contentstackSession(userUid),
  );
  const page = await oauthCallback(
    h.svc,
    new Request(callback, { headers: { cookie: cookiePair(start.headers.get("set-cookie")) } }),
  );
  const html = await page.text();
  return { authorize, page, html, code: /data-code="([^"]+)"/.exec(html)?.[1] };
}

async function body(response: Response): Promise<Json> {
  return (await response.json()) as Json;
}

async function queuedReconciles(orgUid: string) {
  const jobs = await h.link.enqueuer().queues.sync.getJobs(["waiting", "delayed", "prioritized"]);
  return jobs.filter((job) => job.name === "sync.reconcile-org" && job.data.orgUid === orgUid);
}

describe("connect: an Owner or Admin connects the organization for the sync", () => {
  it("refuses a Member with the rule, before any code is looked at", async () => {
    const mia = await signIn(ACME, MIA);
    const { code } = await connectPopup(ACME, MIA);
    const refused = await connectSync(
      h.svc,
      appRequest("/api/connection", { body: { code }, ...mia }),
      h.link,
    );
    expect(refused.status).toBe(403);
    expect(await body(refused)).toMatchObject({
      error: "forbidden",
      rule: "org.settings.org-admin-only",
    });
    expect(await h.svc.installations.get(ACME)).toBeNull();
    const noCsrf = await connectSync(
      h.svc,
      appRequest("/api/connection", { body: { code }, cookie: mia.cookie }),
      h.link,
    );
    expect(await body(noCsrf)).toMatchObject({ error: "csrf" });
  });

  it("connects with the sync's scopes, stores the tokens encrypted, shows the import plan, then accepts it", async () => {
    const olivia = await signIn(ACME, OLIVIA);
    const { authorize, page, html, code } = await connectPopup(ACME, OLIVIA);
    expect(authorize.searchParams.get("scope")?.split(" ")).toEqual([
      "user:read",
      "organization:read",
      "organization.logs:read",
      "lytics:manage",
    ]);
    expect(authorize.searchParams.get("state")).toMatch(/^connect\./);
    expect(page.status).toBe(200);
    expect(html).toContain('"la-oauth-connect"');
    expect(html).not.toMatch(/access_token|refresh_token/);

    const bad = await connectSync(
      h.svc,
      appRequest("/api/connection", { body: { code: "nope" }, ...olivia }),
      h.link,
    );
    expect(bad.status).toBe(400);

    const connected = await connectSync(
      h.svc,
      appRequest("/api/connection", { body: { code }, ...olivia }),
      h.link,
    );
    const answer = await body(connected);
    expect(connected.status).toBe(200);
    expect(answer).toMatchObject({
      reconnected: false,
      installation: {
        status: "connected",
        connectedBy: { email: "olivia.owner@acme.test", name: "Olivia Owner" },
      },
    });
    expect(JSON.stringify(answer)).not.toMatch(/accessToken|refreshToken/);

    // Stored: the installation names the person; the tokens are ciphertexts at rest.
    const installation = await h.svc.installations.get(ACME);
    expect(installation?.connectedBy.uid).toBe(OLIVIA);
    const tokens = await h.svc.installations.readTokens(ACME);
    const raw = await h.svc.redis.hgetall(`${h.svc.env.STORE_KEY_PREFIX}:{org:${ACME}}:tokens`);
    expect(raw.accessToken).toMatch(/^v1\./);
    expect(raw.refreshToken).toMatch(/^v1\./);
    expect(JSON.stringify(raw)).not.toContain(tokens.accessToken);
    expect(JSON.stringify(raw)).not.toContain(tokens.refreshToken);

    // The plan: Lee left Acme but is still on Acme Corporation, so the first sync removes him.
    const plan = answer.import as Json;
    expect(plan.summary).toMatch(
      /^\d+ collaborators already on your projects keep their roles; 1 person not in the organization will be removed\.$/,
    );
    expect(plan.removals).toEqual([
      expect.objectContaining({ email: "lee.leaver@acme.test", projectUid: P1001 }),
    ]);
    expect(await queuedReconciles(ACME)).toHaveLength(0); // nothing synced before acceptance

    // Shown again after a reload; a plan other than the one shown is refused.
    const shown = await showImport(
      h.svc,
      appRequest("/api/connection/import", { method: "GET", ...olivia }),
      h.link,
    );
    expect((await body(shown)).import).toMatchObject({ importId: plan.importId });
    const stale = await acceptImport(
      h.svc,
      appRequest("/api/connection/import", { body: { importId: "imp_other" }, ...olivia }),
      h.link,
    );
    expect(stale.status).toBe(409);
    expect(await body(stale)).toMatchObject({ error: "import-changed" });

    const accepted = await acceptImport(
      h.svc,
      appRequest("/api/connection/import", { body: { importId: plan.importId }, ...olivia }),
      h.link,
    );
    expect(accepted.status).toBe(200);
    const done = await body(accepted);
    expect(done).toMatchObject({ accepted: true });
    expect(done.adopted).toBe(plan.adopted);
    expect(await queuedReconciles(ACME)).toHaveLength(1);
    const audit = await h.link.auditLog.read(ACME, { kinds: ["installation-connected"] });
    expect(audit.entries[0]).toMatchObject({ actor: { email: "olivia.owner@acme.test" } });

    const again = await acceptImport(
      h.svc,
      appRequest("/api/connection/import", { body: { importId: plan.importId }, ...olivia }),
      h.link,
    );
    expect(await body(again)).toMatchObject({ error: "no-import-waiting" });
  });

  it("reconnects after needs-reconnect, as an Admin, and queues a sync at once", async () => {
    await h.svc.installations.markNeedsReconnect(ACME, "The refresh token was refused (revoked).");
    expect((await h.svc.installations.get(ACME))?.status).toBe("needs-reconnect");
    const adam = await signIn(ACME, ADAM);
    const { code } = await connectPopup(ACME, ADAM);
    const reconnected = await connectSync(
      h.svc,
      appRequest("/api/connection", { body: { code }, ...adam }),
      h.link,
    );
    expect(reconnected.status).toBe(200);
    expect(await body(reconnected)).toMatchObject({
      reconnected: true,
      installation: {
        status: "connected",
        statusReason: null,
        connectedBy: { email: "adam.admin@acme.test" },
      },
    });
    expect(await queuedReconciles(ACME)).toHaveLength(1); // coalesced with the waiting run
  });

  it("refuses a code of another person", async () => {
    const olivia = await signIn(ACME, OLIVIA);
    const { code } = await connectPopup(ACME, ADAM);
    const mismatch = await connectSync(
      h.svc,
      appRequest("/api/connection", { body: { code }, ...olivia }),
      h.link,
    );
    expect(mismatch.status).toBe(403);
    expect(await body(mismatch)).toMatchObject({ error: "identity-mismatch" });
  });
});

describe("Data Activation Layer gate", () => {
  it("tells an Owner how to create it and a Member whom to ask; ready once it exists", async () => {
    const gina = await signIn(GLOBEX, GINA);
    const owner = await body(
      await dataActivationLayer(
        h.svc,
        appRequest("/api/data-activation-layer", { method: "GET", ...gina }),
      ),
    );
    expect(owner).toMatchObject({
      status: "missing",
      canCreate: true,
      createUrl: `${h.csUrl}/organizations/${GLOBEX}/data-activation-layer`,
    });

    const adam = await signIn(GLOBEX, ADAM);
    const member = await body(
      await dataActivationLayer(
        h.svc,
        appRequest("/api/data-activation-layer", { method: "GET", ...adam }),
      ),
    );
    expect(member).toMatchObject({ status: "missing", canCreate: false, createUrl: null });
    expect((member.reasons as string[])[0]).toMatch(
      /Ask Gina .*\(Owner, gina\.owner@globex\.test\)/,
    );

    const refused = await launch(h.svc, appRequest("/api/launch", { method: "GET", ...adam }));
    expect(refused.status).toBe(409);
    expect(await body(refused)).toMatchObject({ error: "no-data-activation-layer" });

    await h.control("PUT", `/organizations/${GLOBEX}/data-activation-layer`, {
      title: "Globex DAL",
      domain: "globex.test",
      created_by: GINA,
    });
    const ready = await body(
      await dataActivationLayer(
        h.svc,
        appRequest("/api/data-activation-layer", { method: "GET", ...adam }),
      ),
    );
    expect(ready).toMatchObject({ status: "ready", dal: { title: "Globex DAL" } });
  });
});

describe("launch: Open Data & Insights", () => {
  it("lets an Owner choose among every project, and sends them to the App Switcher's launch", async () => {
    const olivia = await signIn(ACME, OLIVIA);
    const options = await body(
      await launch(h.svc, appRequest("/api/launch", { method: "GET", ...olivia })),
    );
    expect(options).toMatchObject({ choose: true });
    expect((options.projects as Json[]).map((p) => p.uid)).toEqual([P1001, P1002]);

    const chosen = await body(
      await launch(h.svc, appRequest(`/api/launch?project=${P1002}`, { method: "GET", ...olivia })),
    );
    const url = new URL(chosen.url as string);
    expect(`${url.origin}${url.pathname}`).toBe(`${h.lyticsUrl}/auth/contentstack/start`);
    expect(Object.fromEntries(url.searchParams)).toEqual({
      organization_uid: ACME,
      project: P1002,
    });
    // The launch goes on to Contentstack's authorize page (the token exchange), top-level.
    const hop = await fetch(url, { redirect: "manual" });
    expect(hop.status).toBe(302);
    expect(hop.headers.get("location")).toMatch(new RegExp(`^${h.csUrl}/apps/[^/]+/authorize\\?`));
  });

  it("gives a Member only the projects they are on, and refuses the others", async () => {
    const mia = await signIn(ACME, MIA);
    const options = await body(
      await launch(h.svc, appRequest("/api/launch", { method: "GET", ...mia })),
    );
    expect((options.projects as Json[]).map((p) => p.uid)).toEqual([P1001]);
    expect(options.url).toBe((options.projects as Json[])[0]?.url);
    const other = await launch(
      h.svc,
      appRequest(`/api/launch?project=${P1002}`, { method: "GET", ...mia }),
    );
    expect(other.status).toBe(403);
    const bad = await launch(
      h.svc,
      appRequest("/api/launch?project=../x", { method: "GET", ...mia }),
    );
    expect(bad.status).toBe(400);
  });
});
