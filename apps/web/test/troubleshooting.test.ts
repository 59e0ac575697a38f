import { describe, expect, it } from "vitest";

import {
  accessCheckHandler,
  accessDeniedHandler,
  missingAudiencesHandler,
  resetSignInHandler,
  signInLoopStatusHandler,
  triedPathHandler,
} from "../src/lib/server/troubleshooting/handlers";
import { startOAuth } from "../src/lib/server/handlers/oauth-start";
import { loadSession } from "../src/lib/server/load-session";
import {
  loopGuardedStart,
  noteLoopCallback,
} from "../src/lib/server/troubleshooting/sign-in-loop-start";
import { ACME, APP_URL, OLIVIA, MIA, appRequest } from "./support/harness";
import { useFullHarness } from "./support/full-harness";

const h = useFullHarness();

const ACME_CORP = "66ac00000000000000001001"; // Mia: Observer; owner Adam
const CAMPAIGNS = "66ac00000000000000001002"; // Mia: nothing; owner Max; Mona: Marketer + Audience Manager
const MONA = "blt_user_mona";

const get = (path: string, cookie: string) =>
  appRequest(path, { method: "GET", cookie, origin: null });

async function body(response: Response) {
  return (await response.json()) as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
}

describe("troubleshooting diagnoses from real state", () => {
  it("access denied: a Member without a project role is refused by the project layer, with the role to ask for and whom", async () => {
    await h.connectOrganization(OLIVIA.uid, OLIVIA.email);
    const mia = await h.signIn(MIA.uid);
    const refused = await body(
      await accessDeniedHandler(
        h.svc,
        get(
          `/api/troubleshooting/access-denied?project=${CAMPAIGNS}&action=audiences.view`,
          mia.cookie,
        ),
      ),
    );
    expect(refused.source).toBe("organization");
    expect(refused.project).toEqual({ uid: CAMPAIGNS, name: "Acme Campaigns" });
    // Mia may list only the project she is on.
    expect(refused.projects.map((p: { uid: string }) => p.uid)).toEqual([ACME_CORP]);
    expect(refused.diagnosis.decision).toMatchObject({
      allowed: false,
      layer: "lytics-roles",
      rule: "task.matrix",
    });
    expect(refused.diagnosis.remedy.suggestedRole).toBe("Audience Manager");
    expect(refused.diagnosis.remedy.summary).toBe(
      'Ask for Audience Manager on project Acme Campaigns: it grants "Audiences (without PII): View".',
    );
    expect(refused.diagnosis.remedy.askWhom.join("|")).toMatch(/Max Member \(project owner\)/);
    expect(refused.diagnosis.remedy.askWhom.join("|")).toMatch(
      /Olivia Owner \(organization Owner\)/,
    );

    const dashboard = await body(
      await accessDeniedHandler(
        h.svc,
        get(
          `/api/troubleshooting/access-denied?project=${CAMPAIGNS}&action=project.edit`,
          mia.cookie,
        ),
      ),
    );
    expect(dashboard.diagnosis.decision).toMatchObject({
      allowed: false,
      layer: "project",
      rule: "project.precedence.denied",
    });
    expect(dashboard.diagnosis.decision.reasons[0]).toMatch(/no project roles held/);
    expect(dashboard.diagnosis.remedy.suggestedRole).toBe("Admin");

    const bad = await accessDeniedHandler(
      h.svc,
      get(`/api/troubleshooting/access-denied?action=project.fly`, mia.cookie),
    );
    expect(bad.status).toBe(400);
    const nobody = await accessDeniedHandler(
      h.svc,
      get(`/api/troubleshooting/access-denied?project=${CAMPAIGNS}`, ""),
    );
    expect(nobody.status).toBe(401);
  });

  it("access denied: the Owner is allowed by the org-role layer", async () => {
    const olivia = await h.signIn(OLIVIA.uid);
    const answer = await body(
      await accessDeniedHandler(
        h.svc,
        get(
          `/api/troubleshooting/access-denied?project=${CAMPAIGNS}&action=project.delete`,
          olivia.cookie,
        ),
      ),
    );
    expect(answer.projects).toHaveLength(2);
    expect(answer.diagnosis.decision).toMatchObject({
      allowed: true,
      layer: "org-role",
      rule: "project.precedence.org-admin",
    });
    expect(answer.diagnosis.remedy).toBeNull();
  });

  it("missing audiences: names the role that lacks the view and the roles that grant it", async () => {
    const mia = await h.signIn(MIA.uid);
    const answer = await body(
      await missingAudiencesHandler(
        h.svc,
        get("/api/troubleshooting/missing-audiences", mia.cookie),
      ),
    );
    expect(answer.level).toMatchObject({ orgRole: "member", level: null });
    expect(answer.notOnCount).toBe(1);
    expect(answer.rows).toHaveLength(1);
    const [row] = answer.rows;
    expect(row).toMatchObject({ projectName: "Acme Corporation", roles: ["Observer"] });
    // Observer shows audiences but not Discovery (metrics): that is what is missing.
    expect(row.audiencesNav.allowed).toBe(true);
    expect(row.metricsNav).toMatchObject({ allowed: false, rule: "nav.matrix" });
    expect(row.metricsNav.reasons[0]).toMatch(/none of the roles held \(Observer\) grants it/);
    expect(row.metricsRoles).toEqual(["Discovery Insights", "Admin"]);
    expect(row.audienceRoles[0]).toBe("Audience Manager");
  });

  it("access checker: a Member may check only themselves; an Owner may check anyone", async () => {
    const mia = await h.signIn(MIA.uid);
    const refused = await accessCheckHandler(
      h.svc,
      get(`/api/troubleshooting/access-check?person=${MONA}&project=${ACME_CORP}`, mia.cookie),
    );
    expect(refused.status).toBe(403);
    expect(await refused.json()).toMatchObject({
      error: "forbidden",
      rule: "org.settings.org-admin-only",
    });
    const own = await body(
      await accessCheckHandler(
        h.svc,
        get(
          `/api/troubleshooting/access-check?person=${MIA.uid}&project=${ACME_CORP}&action=project.open-lytics`,
          mia.cookie,
        ),
      ),
    );
    expect(own.canAskAboutOthers).toBe(false);
    expect(own.people).toHaveLength(1);
    expect(own.diagnosis.decision).toMatchObject({
      allowed: true,
      rule: "project.precedence.project-role",
    });

    const olivia = await h.signIn(OLIVIA.uid);
    const aboutMona = await body(
      await accessCheckHandler(
        h.svc,
        get(
          `/api/troubleshooting/access-check?person=${MONA}&project=${CAMPAIGNS}&action=audiences.create`,
          olivia.cookie,
        ),
      ),
    );
    expect(aboutMona.canAskAboutOthers).toBe(true);
    expect(aboutMona.person).toMatchObject({ userUid: MONA, orgRole: "member" });
    expect(aboutMona.diagnosis.subject.projectRoles).toEqual(["marketer", "segment_manager"]);
    expect(aboutMona.diagnosis.decision).toMatchObject({ allowed: true, rule: "task.matrix" });
    const monaOnCorp = await body(
      await accessCheckHandler(
        h.svc,
        get(
          `/api/troubleshooting/access-check?person=${MONA}&project=${ACME_CORP}&action=project.view-dashboard`,
          olivia.cookie,
        ),
      ),
    );
    expect(monaOnCorp.diagnosis.decision).toMatchObject({
      allowed: false,
      rule: "project.precedence.denied",
    });
    expect(monaOnCorp.diagnosis.remedy.suggestedRole).toBe("Observer");
  });
});

describe("OAuth redirect loop", () => {
  it("trips after 3 round trips in a minute, refuses a 4th, and the reset clears it with the session", async () => {
    const app = await h.openApp(MIA.uid);
    expect(app.loopRef).toMatch(/^[A-Za-z0-9_-]{32}$/);
    const startUrl = `${APP_URL}/auth/start?org=${ACME}&ref=${app.loopRef}`;
    const start = () =>
      loopGuardedStart(h.svc, new Request(startUrl), () =>
        startOAuth(h.svc, new Request(startUrl)),
      );
    for (let trip = 1; trip <= 3; trip += 1) {
      const started = await start();
      expect(started.status).toBe(302);
      expect(started.headers.getSetCookie().join("\n")).toContain(`__Host-la_loop=${app.loopRef}`);
      const cookie = started.headers
        .getSetCookie()
        .map((c) => c.split(";")[0])
        .join("; ");
      const callbackUrl = new URL(`${APP_URL}/api/auth/callback?code=x&state=y`);
      await noteLoopCallback(h.svc, new Request(callbackUrl, { headers: { cookie } }));
    }
    const status = await body(
      await signInLoopStatusHandler(h.svc, get("/api/troubleshooting/sign-in-loop", app.cookie)),
    );
    expect(status).toMatchObject({ starts: 3, callbacks: 3, stoppedUntil: null, limit: 3 });

    const stopped = await start();
    expect(stopped.status).toBe(429);
    const html = await stopped.text();
    expect(html).toContain("Sign-in stopped");
    expect(html).toContain("la-oauth-loop-stopped");
    expect(stopped.headers.get("location")).toBeNull();
    expect((await start()).status).toBe(429); // stays stopped
    const after = await body(
      await signInLoopStatusHandler(h.svc, get("/api/troubleshooting/sign-in-loop", app.cookie)),
    );
    expect(after.stoppedUntil).toBeGreaterThan(Date.now());

    // The fix: POST with CSRF ends the session and clears the count.
    const noCsrf = await resetSignInHandler(
      h.svc,
      appRequest("/api/troubleshooting/reset-sign-in", { cookie: app.cookie }),
    );
    expect(noCsrf.status).toBe(403);
    const reset = await resetSignInHandler(
      h.svc,
      appRequest("/api/troubleshooting/reset-sign-in", { cookie: app.cookie, csrf: app.csrf }),
    );
    expect(reset.status).toBe(200);
    expect(reset.headers.get("set-cookie")).toMatch(/^__Host-la_session=; Path=\/; Max-Age=0/);
    expect((await loadSession(h.svc, app.cookie.split("=")[1])).status).toBe("none");
    expect((await start()).status).toBe(302);
  });
});

describe("no direct login, no password", () => {
  it("/login and /reset-password give seed 000's answer and the way forward", async () => {
    const browser = triedPathHandler(
      h.svc,
      new Request(`${APP_URL}/login`, { headers: { accept: "text/html" } }),
      "login",
    );
    expect(browser.status).toBe(303);
    expect(browser.headers.get("location")).toBe(
      `${APP_URL}/troubleshooting/unable-to-log-in?tried=login`,
    );
    const posted = triedPathHandler(
      h.svc,
      new Request(`${APP_URL}/login`, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: "username=mia&password=hunter2",
      }),
      "login",
    );
    expect(posted.status).toBe(410);
    const answer = await body(posted);
    expect(answer.error).toBe("direct-login-not-supported");
    expect(answer.answer).toMatch(/Direct login is not supported/);
    expect(answer.wayForward).toMatch(/App Switcher/);
    expect(JSON.stringify(answer)).not.toContain("hunter2");

    const reset = triedPathHandler(
      h.svc,
      new Request(`${APP_URL}/reset-password`),
      "reset-password",
    );
    expect(reset.status).toBe(200);
    expect(await body(reset)).toMatchObject({
      error: "password-reset-not-supported",
      answer: expect.stringMatching(/Password reset is not available/),
      wayForward: expect.stringMatching(/Contentstack/),
    });
    const resetPage = triedPathHandler(
      h.svc,
      new Request(`${APP_URL}/reset-password`, { headers: { accept: "text/html" } }),
      "reset-password",
    );
    expect(resetPage.headers.get("location")).toBe(
      `${APP_URL}/troubleshooting/password-reset?tried=reset-password`,
    );
  });
});
