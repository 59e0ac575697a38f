// The user-token OAuth flow: sign-in, consent once, redirects, PKCE, token errors, rotation,
// introspection and revocation. Driven over HTTP as a browser would (manual redirects + cookie).
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";

import { loadFixture } from "../../src/fixtures/load-fixture";

import {
  ACME,
  ADMIN,
  APP,
  authorizeAndConsent,
  authorizePath,
  BrowserSession,
  cma,
  consentIdOf,
  control,
  GLOBEX,
  MEMBER,
  OWNER,
  pkcePair,
  startEmulator,
  tokenRequest,
  userToken,
  type Emulator,
} from "./helpers";

const REDIRECT = APP.redirect_uris[0] ?? "";
let emulator: Emulator;
beforeAll(async () => {
  emulator = await startEmulator({ rateLimit: false });
});
afterAll(async () => emulator.close());
beforeEach(async () => {
  await control(emulator, "POST", "/reset");
});

function baseParams(challenge: string): Record<string, string> {
  return {
    response_type: "code",
    client_id: APP.client_id,
    redirect_uri: REDIRECT,
    scope: "user:read organization:read",
    state: "st-123",
    code_challenge: challenge,
    code_challenge_method: "S256",
  };
}

describe("authorize", () => {
  it("sends a signed-out person to the sign-in page and back to the same authorize URL", async () => {
    const browser = new BrowserSession(emulator);
    const path = authorizePath(baseParams(pkcePair().challenge));
    const first = await browser.request(path);
    expect(first.status).toBe(302);
    const login = first.headers.get("location") ?? "";
    expect(login).toBe(`/login?return_to=${encodeURIComponent(path)}`);
    const page = await (await browser.request(login)).text();
    expect(page).toContain("Sign in as Mia Member");
    const signedIn = await browser.request("/login", {
      form: { user_uid: MEMBER, return_to: path },
    });
    expect(signedIn.headers.get("location")).toBe(path);
    expect(signedIn.headers.get("set-cookie")).toMatch(/HttpOnly/i);
  });

  it("shows consent the first time only; the same or a smaller scope set goes straight back", async () => {
    const browser = new BrowserSession(emulator);
    await browser.signInAs(MEMBER);
    const first = await browser.request(authorizePath(baseParams(pkcePair().challenge)));
    expect(first.status).toBe(200);
    const page = await first.text();
    expect(page).toContain("Authorize");
    expect(page).toContain("Acme Corporation");
    const accepted = await browser.request(`/apps/${APP.app_uid}/authorize`, {
      form: { consent_id: consentIdOf(page), decision: "accept" },
    });
    expect(accepted.status).toBe(302);
    const callback = new URL(accepted.headers.get("location") ?? "");
    expect(`${callback.origin}${callback.pathname}`).toBe(REDIRECT);
    expect(callback.searchParams.get("state")).toBe("st-123");
    expect(callback.searchParams.get("location")).toBe("NA");
    expect(callback.searchParams.get("code")).toBeTruthy();

    for (const scope of ["user:read organization:read", "user:read"]) {
      const again = await browser.request(
        authorizePath({ ...baseParams(pkcePair().challenge), scope }),
      );
      expect(again.status, scope).toBe(302);
      expect(new URL(again.headers.get("location") ?? "").searchParams.get("code")).toBeTruthy();
    }
    // A wider set asks again.
    const wider = await browser.request(
      authorizePath({
        ...baseParams(pkcePair().challenge),
        scope: "user:read organization.logs:read",
      }),
    );
    expect(wider.status).toBe(200);
    // Answering the same consent screen twice does nothing the second time.
    const replay = await browser.request(`/apps/${APP.app_uid}/authorize`, {
      form: { consent_id: consentIdOf(page), decision: "accept" },
    });
    expect(replay.status).toBe(400);
  });

  it("refuses to let another page frame the consent, picker and error pages (clickjacking)", async () => {
    const browser = new BrowserSession(emulator);
    await browser.signInAs(MEMBER);
    const consent = await browser.request(authorizePath(baseParams(pkcePair().challenge)));
    expect(await consent.text()).toContain('data-testid="consent"');
    const admin = new BrowserSession(emulator);
    await admin.signInAs(ADMIN);
    const picker = await admin.request(authorizePath(baseParams(pkcePair().challenge)));
    expect(await picker.text()).toContain("Choose an organization");
    const error = await browser.request(
      authorizePath({ ...baseParams(pkcePair().challenge), client_id: "someone-else" }),
    );
    for (const response of [consent, picker, error]) {
      expect(response.headers.get("x-frame-options")).toBe("DENY");
      expect(response.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
    }
  });

  it("refuses framing on every other HTML page of the flow: sign-in, its failure, the SDK entry, the shell", async () => {
    const browser = new BrowserSession(emulator);
    const pages: Array<[string, Response]> = [
      ["sign-in", await browser.request("/login")],
      [
        "sign-in failed",
        await browser.request("/login", { form: { user_uid: "blt_user_nobody" } }),
      ],
      ["SDK entry", await browser.request(`/?response_type=code&client_id=${APP.client_id}`)],
      [
        "not found",
        await fetch(`${emulator.url}/no-such-page`, { headers: { accept: "text/html" } }),
      ],
    ];
    await browser.signInAs(MEMBER);
    pages.push(["shell home", await browser.request("/")]);
    pages.push([
      "consent refused",
      await browser.request(`/apps/${APP.app_uid}/authorize`, {
        form: { consent_id: "no-such-consent", decision: "accept" },
      }),
    ]);
    for (const [name, response] of pages) {
      expect(response.headers.get("content-type"), name).toContain("text/html");
      expect(response.headers.get("x-frame-options"), name).toBe("DENY");
      expect(response.headers.get("content-security-policy"), name).toContain(
        "frame-ancestors 'none'",
      );
    }
  });

  it("sends access_denied back when the person cancels", async () => {
    const browser = new BrowserSession(emulator);
    await browser.signInAs(MEMBER);
    const page = await (
      await browser.request(authorizePath(baseParams(pkcePair().challenge)))
    ).text();
    const denied = await browser.request(`/apps/${APP.app_uid}/authorize`, {
      form: { consent_id: consentIdOf(page), decision: "deny" },
    });
    const callback = new URL(denied.headers.get("location") ?? "");
    expect(callback.searchParams.get("error")).toBe("access_denied");
    expect(callback.searchParams.get("state")).toBe("st-123");
  });

  it("never redirects to an unregistered redirect_uri, a wrong client_id or an unknown app", async () => {
    const browser = new BrowserSession(emulator);
    await browser.signInAs(MEMBER);
    const cases = [
      authorizePath({
        ...baseParams(pkcePair().challenge),
        redirect_uri: "https://evil.example/steal",
      }),
      authorizePath({ ...baseParams(pkcePair().challenge), redirect_uri: `${REDIRECT}/../other` }),
      authorizePath({ ...baseParams(pkcePair().challenge), client_id: "someone-else" }),
      authorizePath(baseParams(pkcePair().challenge), "app_unknown"),
    ];
    for (const path of cases) {
      const response = await browser.request(path);
      expect(response.status, path).toBeGreaterThanOrEqual(400);
      expect(response.headers.get("location"), path).toBeNull();
      expect(await response.text()).toContain("cannot be authorized");
    }
  });

  it("returns scope and PKCE problems to the registered redirect_uri", async () => {
    const browser = new BrowserSession(emulator);
    await browser.signInAs(MEMBER);
    const cases: Array<[Record<string, string>, string]> = [
      [{ scope: "user:read admin:everything" }, "invalid_scope"],
      [{ response_type: "token" }, "unsupported_response_type"],
      [{ code_challenge_method: "S512" }, "invalid_request"],
      [{ code_challenge: "short" }, "invalid_request"],
    ];
    for (const [override, error] of cases) {
      const response = await browser.request(
        authorizePath({ ...baseParams(pkcePair().challenge), ...override }),
      );
      expect(response.status).toBe(302);
      const callback = new URL(response.headers.get("location") ?? "");
      expect(`${callback.origin}${callback.pathname}`).toBe(REDIRECT);
      expect(callback.searchParams.get("error")).toBe(error);
    }
  });

  it("asks a person in several organizations which one, unless the shell has a current one", async () => {
    const browser = new BrowserSession(emulator);
    await browser.signInAs(ADMIN);
    const picker = await browser.request(authorizePath(baseParams(pkcePair().challenge)));
    expect(picker.status).toBe(200);
    const page = await picker.text();
    expect(page).toContain("Choose an organization");
    expect(page).toContain(`data-org-uid="${GLOBEX}"`);
    const chosen = await browser.request(
      authorizePath({ ...baseParams(pkcePair().challenge), organization_uid: GLOBEX }),
    );
    expect(await chosen.text()).toContain("Globex");
    const notMine = await browser.request(
      authorizePath({ ...baseParams(pkcePair().challenge), organization_uid: "blt_org_nope" }),
    );
    expect(notMine.status).toBe(403);
    await browser.request(`/organizations/${GLOBEX}/data-activation-layer`);
    const current = await browser.request(authorizePath(baseParams(pkcePair().challenge)));
    expect(await current.text()).toContain("access <strong>Globex</strong>");
  });

  it("serves the hash-form entry page that the Management SDK links to", async () => {
    const response = await fetch(`${emulator.url}/?response_type=code&client_id=${APP.client_id}`);
    expect(response.status).toBe(200);
    const page = await response.text();
    expect(page).toContain("#!");
    expect(page).toContain("location.replace");
  });
});

describe("token endpoint", () => {
  async function codeFor(userUid: string, params: Record<string, string>): Promise<string> {
    const browser = new BrowserSession(emulator);
    await browser.signInAs(userUid);
    const callback = await authorizeAndConsent(browser, params);
    return callback.searchParams.get("code") ?? "";
  }

  it("exchanges a PKCE code on every documented path, and the token works on the CMA", async () => {
    for (const path of ["/apps-api/token", "/apps-api/apps/token", "/token"]) {
      const { verifier, challenge } = pkcePair();
      const code = await codeFor(OWNER, baseParams(challenge));
      const { status, body } = await tokenRequest(
        emulator,
        {
          grant_type: "authorization_code",
          client_id: APP.client_id,
          client_secret: APP.client_secret,
          code,
          redirect_uri: REDIRECT,
          code_verifier: verifier,
        },
        path,
      );
      expect(status, path).toBe(200);
      expect(body).toMatchObject({
        token_type: "Bearer",
        expires_in: 3600,
        location: "NA",
        organization_uid: ACME,
        user_uid: OWNER,
        authorization_type: "user",
        scope: "user:read organization:read",
      });
      const user = await cma(emulator, "/v3/user", { bearer: body.access_token, orgUid: ACME });
      expect(user.body.user.uid).toBe(OWNER);
    }
  });

  it("exchanges a code requested without PKCE only with the client secret", async () => {
    const params = {
      response_type: "code",
      client_id: APP.client_id,
      redirect_uri: REDIRECT,
      scope: "user:read",
    };
    const code = await codeFor(OWNER, params);
    const without = await tokenRequest(emulator, {
      grant_type: "authorization_code",
      client_id: APP.client_id,
      code,
      redirect_uri: REDIRECT,
    });
    expect(without).toMatchObject({ status: 401, body: { error: "invalid_client" } });
    const wrong = await tokenRequest(emulator, {
      grant_type: "authorization_code",
      client_id: APP.client_id,
      code,
      redirect_uri: REDIRECT,
      client_secret: "wrong-secret-123",
    });
    expect(wrong).toMatchObject({ status: 401, body: { error: "invalid_client" } });
    const right = await tokenRequest(emulator, {
      grant_type: "authorization_code",
      client_id: APP.client_id,
      code,
      redirect_uri: REDIRECT,
      client_secret: APP.client_secret,
    });
    expect(right.status).toBe(200);
  });

  it("accepts a plain challenge when no method is given", async () => {
    const verifier = pkcePair().verifier;
    const { code_challenge_method: _ignored, ...params } = baseParams(verifier);
    const code = await codeFor(OWNER, params);
    const result = await tokenRequest(emulator, {
      grant_type: "authorization_code",
      client_id: APP.client_id,
      client_secret: APP.client_secret,
      code,
      redirect_uri: REDIRECT,
      code_verifier: verifier,
    });
    expect(result.status).toBe(200);
  });

  it("refuses a wrong verifier, a wrong redirect URI, an unknown code and a bad grant type", async () => {
    const { verifier, challenge } = pkcePair();
    const code = await codeFor(OWNER, baseParams(challenge));
    const base = {
      grant_type: "authorization_code",
      client_id: APP.client_id,
      client_secret: APP.client_secret,
      code,
      redirect_uri: REDIRECT,
      code_verifier: verifier,
    };
    const errorShape = { error: expect.any(String), error_description: expect.any(String) };
    const wrongVerifier = await tokenRequest(emulator, {
      ...base,
      code_verifier: pkcePair().verifier,
    });
    expect(wrongVerifier).toEqual({ status: 400, body: { ...errorShape, error: "invalid_grant" } });
    const wrongRedirect = await tokenRequest(emulator, {
      ...base,
      redirect_uri: "http://localhost:3000/other",
    });
    expect(wrongRedirect).toEqual({ status: 400, body: { ...errorShape, error: "invalid_grant" } });
    const missingVerifier = await tokenRequest(emulator, {
      grant_type: "authorization_code",
      client_id: APP.client_id,
      client_secret: APP.client_secret,
      code,
      redirect_uri: REDIRECT,
    });
    expect(missingVerifier.body.error).toBe("invalid_grant");
    expect((await tokenRequest(emulator, { ...base, code: "code_unknown" })).body.error).toBe(
      "invalid_grant",
    );
    expect((await tokenRequest(emulator, { ...base, client_id: "nobody" })).body.error).toBe(
      "invalid_client",
    );
    expect((await tokenRequest(emulator, { ...base, grant_type: "password" })).body.error).toBe(
      "unsupported_grant_type",
    );
    expect((await tokenRequest(emulator, { client_id: APP.client_id })).body.error).toBe(
      "invalid_request",
    );
    // After all those refusals the code still works once.
    expect((await tokenRequest(emulator, base)).status).toBe(200);
  });

  it("fails a reused code and revokes the tokens issued from it", async () => {
    const { verifier, challenge } = pkcePair();
    const code = await codeFor(OWNER, baseParams(challenge));
    const form = {
      grant_type: "authorization_code",
      client_id: APP.client_id,
      client_secret: APP.client_secret,
      code,
      redirect_uri: REDIRECT,
      code_verifier: verifier,
    };
    const first = await tokenRequest(emulator, form);
    expect((await cma(emulator, "/v3/user", { bearer: first.body.access_token })).status).toBe(200);
    const second = await tokenRequest(emulator, form);
    expect(second).toMatchObject({ status: 400, body: { error: "invalid_grant" } });
    const after = await cma(emulator, "/v3/user", { bearer: first.body.access_token });
    expect(after.status).toBe(401);
    expect(after.body.error_code).toBe(105);
    const refresh = await tokenRequest(emulator, {
      grant_type: "refresh_token",
      client_id: APP.client_id,
      client_secret: APP.client_secret,
      refresh_token: first.body.refresh_token,
    });
    expect(refresh.body.error).toBe("invalid_grant");
  });

  it("expires codes after codeTtlSeconds and access tokens after tokenTtlSeconds", async () => {
    await control(emulator, "PUT", "/ttls", { codeTtlSeconds: 0 });
    const { verifier, challenge } = pkcePair();
    const code = await codeFor(OWNER, baseParams(challenge));
    const expired = await tokenRequest(emulator, {
      grant_type: "authorization_code",
      client_id: APP.client_id,
      client_secret: APP.client_secret,
      code,
      redirect_uri: REDIRECT,
      code_verifier: verifier,
    });
    expect(expired).toMatchObject({
      status: 400,
      body: { error: "invalid_grant", error_description: expect.stringMatching(/expired/) },
    });

    await control(emulator, "PUT", "/ttls", { codeTtlSeconds: 60, tokenTtlSeconds: 0 });
    const tokens = await userToken(emulator, OWNER);
    expect(tokens.expires_in).toBe(0);
    const call = await cma(emulator, "/v3/user", { bearer: tokens.access_token });
    expect(call.status).toBe(401);
    expect(call.body.error_message).toMatch(/expired/);
    // The refresh token still gets a fresh access token.
    await control(emulator, "PUT", "/ttls", { tokenTtlSeconds: 3600 });
    const refreshed = await tokenRequest(emulator, {
      grant_type: "refresh_token",
      client_id: APP.client_id,
      client_secret: APP.client_secret,
      refresh_token: tokens.refresh_token,
    });
    expect((await cma(emulator, "/v3/user", { bearer: refreshed.body.access_token })).status).toBe(
      200,
    );
  });

  it("rotates refresh tokens: each refresh gives a new one and the chain goes on", async () => {
    const tokens = await userToken(emulator, OWNER);
    const form = {
      grant_type: "refresh_token",
      client_id: APP.client_id,
      client_secret: APP.client_secret,
      refresh_token: tokens.refresh_token,
      redirect_uri: REDIRECT,
    };
    const first = await tokenRequest(emulator, form);
    expect(first.status).toBe(200);
    expect(first.body.refresh_token).not.toBe(tokens.refresh_token);
    const next = await tokenRequest(emulator, { ...form, refresh_token: first.body.refresh_token });
    expect(next.status).toBe(200);
    expect((await cma(emulator, "/v3/user", { bearer: next.body.access_token })).status).toBe(200);
  });

  it("treats a rotated-out refresh token as a replay and revokes the whole grant (RFC 6749 §10.4)", async () => {
    const tokens = await userToken(emulator, OWNER);
    const refreshWith = (refreshToken: string) =>
      tokenRequest(emulator, {
        grant_type: "refresh_token",
        client_id: APP.client_id,
        client_secret: APP.client_secret,
        refresh_token: refreshToken,
      });
    const first = await refreshWith(tokens.refresh_token);
    expect(first.status).toBe(200);
    const second = await refreshWith(first.body.refresh_token);
    expect(second.status).toBe(200);
    // Whoever replays the spent token (the thief or the victim), the grant is now suspect.
    const replay = await refreshWith(tokens.refresh_token);
    expect(replay).toMatchObject({
      status: 400,
      body: { error: "invalid_grant", error_description: expect.stringMatching(/already used/) },
    });
    for (const access of [tokens.access_token, first.body.access_token, second.body.access_token]) {
      const call = await cma(emulator, "/v3/user", { bearer: access });
      expect(call.status).toBe(401);
      expect(call.body.error_code).toBe(105);
    }
    // The newest refresh token, never used, dies with the grant.
    expect((await refreshWith(second.body.refresh_token)).body.error).toBe("invalid_grant");
  });

  it("refuses a confidential client that drops its secret and sends only a PKCE verifier", async () => {
    const { verifier, challenge } = pkcePair();
    const code = await codeFor(OWNER, baseParams(challenge));
    const pkceOnly = await tokenRequest(emulator, {
      grant_type: "authorization_code",
      client_id: APP.client_id,
      code,
      redirect_uri: REDIRECT,
      code_verifier: verifier,
    });
    expect(pkceOnly).toMatchObject({
      status: 401,
      body: { error: "invalid_client", error_description: expect.stringMatching(/client_secret/) },
    });
    // The refusal does not spend the code: with the secret (and the verifier) it still works.
    const both = await tokenRequest(emulator, {
      grant_type: "authorization_code",
      client_id: APP.client_id,
      client_secret: APP.client_secret,
      code,
      redirect_uri: REDIRECT,
      code_verifier: verifier,
    });
    expect(both.status).toBe(200);
    // Refreshing needs the secret too.
    const refreshWithout = await tokenRequest(emulator, {
      grant_type: "refresh_token",
      client_id: APP.client_id,
      refresh_token: both.body.refresh_token,
    });
    expect(refreshWithout).toMatchObject({ status: 401, body: { error: "invalid_client" } });
  });

  it("refuses the token of one organization on another and after the person leaves", async () => {
    const tokens = await userToken(emulator, ADMIN, { organization_uid: ACME });
    expect(
      (await cma(emulator, `/v3/organizations/${GLOBEX}`, { bearer: tokens.access_token })).status,
    ).toBe(403);
    expect(
      (
        await cma(emulator, `/v3/organizations/${ACME}`, {
          bearer: tokens.access_token,
          orgUid: GLOBEX,
        })
      ).status,
    ).toBe(403);
    expect(
      (
        await cma(emulator, `/v3/organizations/${ACME}`, {
          bearer: tokens.access_token,
          orgUid: ACME,
        })
      ).status,
    ).toBe(200);
    await control(emulator, "DELETE", `/organizations/${ACME}/members/adam.admin@acme.test`);
    expect(
      (await cma(emulator, `/v3/organizations/${ACME}`, { bearer: tokens.access_token })).status,
    ).toBe(401);
  });
});

describe("introspection and revocation", () => {
  const introspect = async (
    form: Record<string, string>,
    headers: Record<string, string> = {},
  ): Promise<{ status: number; body: Record<string, unknown> }> => {
    const response = await fetch(`${emulator.url}/apps-api/introspect`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", ...headers },
      body: new URLSearchParams(form),
    });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };
  const asApp = { client_id: APP.client_id, client_secret: APP.client_secret };

  it("introspects live, refresh and dead tokens for the client that authenticates", async () => {
    const tokens = await userToken(emulator, MEMBER);
    expect((await introspect({ token: tokens.access_token, ...asApp })).body).toMatchObject({
      active: true,
      token_type: "access_token",
      user_uid: MEMBER,
      organization_uid: ACME,
      client_id: APP.client_id,
      exp: expect.any(Number),
    });
    expect((await introspect({ token: tokens.refresh_token, ...asApp })).body).toMatchObject({
      active: true,
      token_type: "refresh_token",
    });
    expect((await introspect({ token: "cs_at_unknown", ...asApp })).body).toEqual({
      active: false,
    });
    // HTTP Basic (RFC 6749 §2.3.1) works as well as the form fields.
    const basic = Buffer.from(
      `${encodeURIComponent(APP.client_id)}:${encodeURIComponent(APP.client_secret)}`,
    ).toString("base64");
    expect(
      (await introspect({ token: tokens.access_token }, { authorization: `Basic ${basic}` })).body,
    ).toMatchObject({ active: true, user_uid: MEMBER });
  });

  it("requires client authentication (RFC 7662 §2.1) and tells a client nothing about another's tokens", async () => {
    const tokens = await userToken(emulator, MEMBER);
    const refusals = [
      await introspect({ token: tokens.access_token }),
      await introspect({ token: tokens.access_token, client_id: APP.client_id }),
      await introspect({
        token: tokens.access_token,
        client_id: APP.client_id,
        client_secret: "wrong-secret-123",
      }),
      await introspect({ token: tokens.access_token, client_id: "nobody", client_secret: "x" }),
      await introspect(
        { token: tokens.access_token },
        { authorization: `Basic ${Buffer.from(`${APP.client_id}:nope`).toString("base64")}` },
      ),
    ];
    for (const refusal of refusals) {
      expect(refusal).toMatchObject({ status: 401, body: { error: "invalid_client" } });
      expect(JSON.stringify(refusal.body)).not.toContain(MEMBER);
    }
    const launch = loadFixture().lytics_launch_client;
    expect(
      (
        await introspect({
          token: tokens.access_token,
          client_id: launch.client_id,
          client_secret: launch.client_secret,
        })
      ).body,
    ).toEqual({ active: false });
  });

  it("lists and revokes authorizations on the Developer Hub paths", async () => {
    const mine = await userToken(emulator, MEMBER);
    const owners = await userToken(emulator, OWNER);
    const list = async (token: string) =>
      cma(emulator, `/manifests/${APP.app_uid}/authorizations`, { bearer: token, orgUid: ACME });
    const memberView = await list(mine.access_token);
    expect(memberView.body.data.map((entry: { user: { uid: string } }) => entry.user.uid)).toEqual([
      MEMBER,
    ]);
    const ownerView = await list(owners.access_token);
    expect(ownerView.body.data).toHaveLength(2);
    const ownersAuthorization = ownerView.body.data.find(
      (entry: { user: { uid: string } }) => entry.user.uid === OWNER,
    ).authorization_uid;
    const forbidden = await cma(
      emulator,
      `/manifests/${APP.app_uid}/authorizations/${ownersAuthorization}`,
      { method: "DELETE", bearer: mine.access_token },
    );
    expect(forbidden.status).toBe(403);
    const revoked = await cma(
      emulator,
      `/manifests/${APP.app_uid}/authorizations/${memberView.body.data[0].authorization_uid}`,
      { method: "DELETE", bearer: mine.access_token },
    );
    expect(revoked.status).toBe(200);
    expect((await cma(emulator, "/v3/user", { bearer: mine.access_token })).status).toBe(401);
    const refresh = await tokenRequest(emulator, {
      grant_type: "refresh_token",
      client_id: APP.client_id,
      client_secret: APP.client_secret,
      refresh_token: mine.refresh_token,
    });
    expect(refresh.body.error).toBe("invalid_grant");
    const again = await cma(
      emulator,
      `/manifests/${APP.app_uid}/authorizations/${memberView.body.data[0].authorization_uid}`,
      { method: "DELETE", bearer: owners.access_token },
    );
    expect(again.status).toBe(404);
  });
});

describe("token endpoint input", () => {
  it("answers a malformed JSON body in the RFC 6749 shape", async () => {
    const response = await fetch(`${emulator.url}/apps-api/token`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: "{not json",
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      error: "invalid_request",
      error_description: expect.any(String),
    });
  });
});
