// Issue 10 "Connect", "Data Activation Layer gate" and "Launch": route handlers against both
// emulators, a real redis-server and the worker's own import service and queues.
import { describe, expect, it } from "vitest";

import { acceptImport, showImport } from "../src/lib/server/handlers/connection-import";
import { connectSync } from "../src/lib/server/handlers/connect-sync";
import { startConnect } from "../src/lib/server/handlers/connect-start";
import { dataActivationLayer } from "../src/lib/server/handlers/data-activation-layer";
import { launch } from "../src/lib/server/handlers/launch";
import { ACME, APP_URL, appRequest } from "./support/harness";
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

/** The connect popup: /auth/connect/start, Contentstack's authorize page, our callback page. */
async function connectPopup(orgUid: string, userUid: string) {
  const start = await startConnect(
    h.svc,
    new Request(`${APP_URL}/auth/connect/start?org=${orgUid}`),
  );
  expect(start.status).toBe(302);
  const authorize = new URL(start.headers.get("location") ?? "");
  const page = await h.finishPopup(start, userUid);
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

/** The `installationChanged` notices the workers were sent for the organization (no worker runs here). */
async function installationChanges(orgUid: string) {
  const jobs = await h.link.enqueuer().queues.audit.getJobs(["waiting", "delayed", "prioritized"]);
  return jobs
    .filter((job) => job.name === "audit.installation-changed" && job.data.orgUid === orgUid)
    .map((job) => job.data.change as string)
    .sort();
}

describe("connect: an Owner or Admin connects the organization for the sync", () => {
  it("refuses a Member with the rule, before any code is looked at", async () => {
    const mia = await h.signIn(MIA, ACME);
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
    const olivia = await h.signIn(OLIVIA, ACME);
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

    // Stored: the installation names the person and awaits its import (so the workers schedule
    // nothing for it); the tokens are ciphertexts at rest.
    const installation = await h.svc.installations.get(ACME);
    expect(installation?.connectedBy.uid).toBe(OLIVIA);
    expect(installation?.awaitingImport).toBe(true);
    expect((await h.svc.installations.listConnected()).map((i) => i.orgUid)).not.toContain(ACME);
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
    // Nothing synced before acceptance, and the workers are not told to schedule it.
    expect(await queuedReconciles(ACME)).toHaveLength(0);
    expect(await installationChanges(ACME)).toEqual([]);

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
    // Accepted: the workers schedule its reconcile and audit-log poll now, and the first sync runs.
    expect((await h.svc.installations.get(ACME))?.awaitingImport).toBe(false);
    expect((await h.svc.installations.listConnected()).map((i) => i.orgUid)).toContain(ACME);
    expect(await installationChanges(ACME)).toEqual(["connected"]);
    expect(await queuedReconciles(ACME)).toHaveLength(1);
    const acceptance = await h.link.auditLog.read(ACME, { kinds: ["import-accepted"] });
    expect(acceptance.entries).toEqual([
      expect.objectContaining({
        actor: expect.objectContaining({ uid: OLIVIA }),
        importId: plan.importId,
        adopted: plan.adopted,
      }),
    ]);
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
    const adam = await h.signIn(ADAM, ACME);
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
    expect(await installationChanges(ACME)).toEqual(["connected", "reconnected"]);
    expect((await h.svc.installations.get(ACME))?.awaitingImport).toBe(false);
  });

  it("a reconnect before the import was accepted shows the plan again and syncs nothing", async () => {
    const gina = await h.signIn(GINA, GLOBEX);
    const first = await connectSync(
      h.svc,
      appRequest("/api/connection", {
        body: { code: (await connectPopup(GLOBEX, GINA)).code },
        ...gina,
      }),
      h.link,
    );
    expect(await body(first)).toMatchObject({ reconnected: false });
    const again = await connectSync(
      h.svc,
      appRequest("/api/connection", {
        body: { code: (await connectPopup(GLOBEX, GINA)).code },
        ...gina,
      }),
      h.link,
    );
    expect(again.status).toBe(200);
    expect(await body(again)).toMatchObject({ reconnected: false, import: expect.anything() });
    expect((await h.svc.installations.get(GLOBEX))?.awaitingImport).toBe(true);
    expect(await queuedReconciles(GLOBEX)).toHaveLength(0);
    expect(await installationChanges(GLOBEX)).toEqual([]);
    await h.svc.installations.disconnect(GLOBEX); // the DAL test below expects Globex as seeded
  });

  it("refuses a code of another person", async () => {
    const olivia = await h.signIn(OLIVIA, ACME);
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
    const gina = await h.signIn(GINA, GLOBEX);
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

    const adam = await h.signIn(ADAM, GLOBEX);
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
    const olivia = await h.signIn(OLIVIA, ACME);
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
    const mia = await h.signIn(MIA, ACME);
    const options = await body(
      await launch(h.svc, appRequest("/api/launch", { method: "GET", ...mia })),
    );
    // The whole answer first, so that a refusal shows its reasons rather than a missing list.
    expect(options).toMatchObject({ projects: expect.any(Array) });
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
