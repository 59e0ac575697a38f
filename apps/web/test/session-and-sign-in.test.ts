import { describe, expect, it } from "vitest";

import { connectSync } from "../src/lib/server/handlers/connect-sync";
import { oauthCallback } from "../src/lib/server/handlers/oauth-callback";
import { startOAuth } from "../src/lib/server/handlers/oauth-start";
import { redeemHandoff } from "../src/lib/server/handlers/redeem-handoff";
import { startSession } from "../src/lib/server/handlers/start-session";
import { loadSession } from "../src/lib/server/load-session";
import {
  ACME,
  APP_URL,
  MIA,
  OLIVIA,
  appRequest,
  authorizeAsBrowser,
  cookiePair,
  useHarness,
} from "./support/harness";

const h = useHarness();

/** Opens the app as the host shell does: a fresh app token, POST /api/session. */
async function openApp(userUid: string, cookie?: string) {
  const appToken = await h.appToken(ACME, userUid);
  const response = await startSession(
    h.svc,
    appRequest("/api/session", {
      body: { appToken, organizationUid: ACME },
      ...(cookie ? { cookie } : {}),
    }),
  );
  expect(response.status).toBe(200);
  const body = (await response.json()) as { csrfToken: string; signedIn: boolean };
  return {
    cookie: cookiePair(response.headers.get("set-cookie")),
    csrf: body.csrfToken,
    body,
    response,
  };
}

/** The popup: /auth/start, Contentstack's authorize page, our callback page. Returns the handoff code. */
async function popupSignIn(userUid: string) {
  const start = await startOAuth(h.svc, new Request(`${APP_URL}/auth/start?org=${ACME}`));
  expect(start.status).toBe(302);
  const loginCookie = cookiePair(start.headers.get("set-cookie"));
  const callbackUrl = await authorizeAsBrowser(
    start.headers.get("location") ?? "",
    await h.contentstackSession(userUid),
  );
  const page = await oauthCallback(
    h.svc,
    new Request(callbackUrl, { headers: { cookie: loginCookie } }),
  );
  const html = await page.text();
  const code = /data-code="([^"]+)"/.exec(html)?.[1];
  return { start, loginCookie, callbackUrl, page, html, code };
}

async function signIn(userUid: string) {
  const app = await openApp(userUid);
  const { code } = await popupSignIn(userUid);
  const redeemed = await redeemHandoff(
    h.svc,
    appRequest("/api/auth/handoff", { body: { code }, cookie: app.cookie, csrf: app.csrf }),
  );
  expect(redeemed.status).toBe(200);
  return app;
}

describe("entry: the app token starts the session", () => {
  it("verifies the token and sets a partitioned __Host- cookie", async () => {
    const { response, body, cookie } = await openApp(OLIVIA.uid);
    expect(response.headers.get("set-cookie")).toMatch(
      /^__Host-la_session=[A-Za-z0-9_-]{43}; Path=\/; Max-Age=43200; Secure; HttpOnly; SameSite=None; Partitioned$/,
    );
    expect(body).toMatchObject({ signedIn: false });
    expect(body.csrfToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const state = await loadSession(h.svc, cookie.split("=")[1]);
    expect(state).toMatchObject({
      status: "identified",
      session: { orgUid: ACME, userUid: OLIVIA.uid },
    });
  });

  it("refuses a forged token, another organization's token and a foreign origin", async () => {
    const forged = await startSession(
      h.svc,
      appRequest("/api/session", { body: { appToken: "a.b.c", organizationUid: ACME } }),
    );
    expect(forged.status).toBe(401);
    expect(await forged.json()).toMatchObject({ error: "app-token" });
    expect(forged.headers.get("set-cookie")).toBeNull();

    const appToken = await h.appToken(ACME, OLIVIA.uid);
    const otherOrg = await startSession(
      h.svc,
      appRequest("/api/session", { body: { appToken, organizationUid: "blt_org_globex" } }),
    );
    expect(otherOrg.status).toBe(403);
    expect(await otherOrg.json()).toMatchObject({ error: "organization-mismatch" });

    const foreign = await startSession(
      h.svc,
      appRequest("/api/session", {
        body: { appToken, organizationUid: ACME },
        origin: "http://evil.test",
      }),
    );
    expect(foreign.status).toBe(403);
    const bad = await startSession(h.svc, appRequest("/api/session", { body: { nope: 1 } }));
    expect(bad.status).toBe(400);
  });
});

describe("sign-in: OAuth in a popup, handed back by a one-time code", () => {
  it("authorizes with state and PKCE, and attaches the tokens to the iframe's session once", async () => {
    const app = await openApp(OLIVIA.uid);
    const { start, page, html, code } = await popupSignIn(OLIVIA.uid);
    const authorize = new URL(start.headers.get("location") ?? "");
    expect(authorize.origin).toBe(h.csUrl);
    expect(authorize.searchParams.get("code_challenge_method")).toBe("S256");
    expect(authorize.searchParams.get("state")?.length).toBeGreaterThanOrEqual(16);
    expect(start.headers.get("set-cookie")).toMatch(
      /^__Host-la_login=[^;]+; Path=\/; Max-Age=600; Secure; HttpOnly; SameSite=Lax$/,
    );

    expect(page.status).toBe(200);
    expect(code).toMatch(/^[A-Za-z0-9_-]{43}$/);
    // Only the code reaches the browser, posted to our own origin; no token in the page.
    expect(html).toContain(`"${APP_URL}"`);
    expect(html).not.toMatch(/access_token|refresh_token/);
    expect(page.headers.get("content-security-policy")).toMatch(/frame-ancestors 'none'/);

    const noCsrf = await redeemHandoff(
      h.svc,
      appRequest("/api/auth/handoff", { body: { code }, cookie: app.cookie }),
    );
    expect(noCsrf.status).toBe(403);
    expect(await noCsrf.json()).toMatchObject({ error: "csrf" });
    const wrongOrigin = await redeemHandoff(
      h.svc,
      appRequest("/api/auth/handoff", {
        body: { code },
        cookie: app.cookie,
        csrf: app.csrf,
        origin: "http://127.0.0.1:4010",
      }),
    );
    expect(await wrongOrigin.json()).toMatchObject({ error: "bad-origin" });

    const first = await redeemHandoff(
      h.svc,
      appRequest("/api/auth/handoff", { body: { code }, cookie: app.cookie, csrf: app.csrf }),
    );
    expect(first.status).toBe(200);
    expect(await first.json()).toMatchObject({ signedIn: true, person: { role: "owner" } });
    const again = await redeemHandoff(
      h.svc,
      appRequest("/api/auth/handoff", { body: { code }, cookie: app.cookie, csrf: app.csrf }),
    );
    expect(again.status).toBe(400);
    expect(await again.json()).toMatchObject({ error: "handoff-invalid" });

    const state = await loadSession(h.svc, app.cookie.split("=")[1]);
    expect(state.status).toBe("active");
    // A reload of the app keeps the signed-in session instead of asking again.
    const reopened = await openApp(OLIVIA.uid, app.cookie);
    expect(reopened.body).toMatchObject({ signedIn: true, person: { role: "owner" } });
    expect(reopened.response.headers.get("set-cookie")).toBeNull();
  });

  it("refuses a callback whose state does not match, and a replayed callback", async () => {
    const start = await startOAuth(h.svc, new Request(`${APP_URL}/auth/start?org=${ACME}`));
    const loginCookie = cookiePair(start.headers.get("set-cookie"));
    const callbackUrl = new URL(
      await authorizeAsBrowser(
        start.headers.get("location") ?? "",
        await h.contentstackSession(OLIVIA.uid),
      ),
    );
    callbackUrl.searchParams.set("state", "x".repeat(43));
    const tampered = await oauthCallback(
      h.svc,
      new Request(callbackUrl, { headers: { cookie: loginCookie } }),
    );
    expect(tampered.status).toBe(400);
    expect(await tampered.text()).not.toContain("data-code");
    // The attempt was spent by the refused callback: replaying it finds nothing.
    const replay = await oauthCallback(
      h.svc,
      new Request(callbackUrl, { headers: { cookie: loginCookie } }),
    );
    expect(replay.status).toBe(400);
    const noCookie = await oauthCallback(h.svc, new Request(callbackUrl));
    expect(await noCookie.text()).toContain("expired or was already used");
  });

  it("refuses tokens of another person than the app was opened for", async () => {
    const app = await openApp(MIA.uid);
    const { code } = await popupSignIn(OLIVIA.uid);
    const response = await redeemHandoff(
      h.svc,
      appRequest("/api/auth/handoff", { body: { code }, cookie: app.cookie, csrf: app.csrf }),
    );
    expect(response.status).toBe(403);
    expect(await response.json()).toMatchObject({ error: "identity-mismatch" });
  });
});

describe("authorization", () => {
  it("refuses a Member with the rule and reasons, lets the Owner through", async () => {
    const mia = await signIn(MIA.uid);
    const refused = await connectSync(
      h.svc,
      appRequest("/api/connection", { cookie: mia.cookie, csrf: mia.csrf }),
    );
    expect(refused.status).toBe(403);
    const body = (await refused.json()) as { error: string; rule: string; reasons: string[] };
    expect(body).toMatchObject({ error: "forbidden", rule: "org.settings.org-admin-only" });
    expect(body.reasons[0]).toMatch(/Owners and Admins/);

    const olivia = await signIn(OLIVIA.uid);
    const allowed = await connectSync(
      h.svc,
      appRequest("/api/connection", { cookie: olivia.cookie, csrf: olivia.csrf }),
    );
    // Through the guard: only the missing connect code is left to refuse (connect.test.ts).
    expect(allowed.status).toBe(400);
    expect(await allowed.json()).toMatchObject({ error: "invalid-body" });

    const anonymous = await connectSync(h.svc, appRequest("/api/connection", {}));
    expect(anonymous.status).toBe(401);
  });

  it("ends the session of someone removed from the organization", async () => {
    const mia = await signIn(MIA.uid);
    const sessionId = mia.cookie.split("=")[1];
    await fetch(
      `${h.csUrl}/_emulator/organizations/${ACME}/members/${encodeURIComponent(MIA.email)}`,
      { method: "DELETE" },
    );
    const later = () => Date.now() + h.svc.env.SESSION_RECHECK_MS + 1;
    expect(await loadSession(h.svc, sessionId, later)).toEqual({ status: "none", reason: "ended" });
    expect(await h.svc.sessions.get(sessionId ?? "")).toBeNull();
  });
});
