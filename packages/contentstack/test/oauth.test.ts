// Contentstack OAuth against the emulator: authorization URL, callback checks, code exchange with
// PKCE, refresh with rotation, refusal of reused codes and tokens, and revocation on logout.
import { createHash } from "node:crypto";
import { pino } from "pino";
import { useFreshEmulator } from "@lytics-access/emulators/testing";
import { describe, expect, it } from "vitest";
import {
  AuthError,
  OAuthError,
  createContentstackClient,
  createOAuthClient,
  createRateLimiter,
} from "../src/index";
import {
  APP,
  ORG,
  OWNER,
  authorizeInEmulator,
  control,
  type Emulator,
  startEmulator,
} from "./support/emulator";

let emulator: Emulator;
useFreshEmulator(startEmulator, (started) => (emulator = started));

function setup(extra: { clientSecret?: string } = {}) {
  const oauth = createOAuthClient({
    ...APP,
    // Our app has a secret, so it is a confidential client: PKCE comes on top of the secret.
    clientSecret: extra.clientSecret ?? APP.clientSecret,
    overrides: { apiUrl: emulator.url, appUrl: emulator.url, developerHubUrl: emulator.url },
    defaultScopes: ["user:read", "organization:read"],
    logger: pino({ level: "silent" }),
  });
  return { oauth };
}

async function login(oauth: ReturnType<typeof setup>["oauth"], userUid = OWNER) {
  const { state, codeVerifier } = oauth.createLoginSecrets();
  const callback = await authorizeInEmulator(
    emulator,
    await oauth.authorizationUrl({ state, codeVerifier }),
    userUid,
  );
  const { code, location } = oauth.parseCallback(callback, state);
  return { code, location, codeVerifier, state, callback };
}

describe("authorization URL", () => {
  it("uses the path form with state, scopes and an S256 PKCE challenge", async () => {
    const { oauth } = setup();
    const codeVerifier = "v".repeat(64);
    const url = new URL(
      await oauth.authorizationUrl({
        state: "state-1234567890abcdef",
        codeVerifier,
        scopes: ["user:read", "organization.logs:read"],
      }),
    );
    expect(`${url.origin}${url.pathname}`).toBe(`${emulator.url}/apps/app_lytics_access/authorize`);
    expect(Object.fromEntries(url.searchParams)).toEqual({
      response_type: "code",
      client_id: "lytics-access-local",
      redirect_uri: APP.redirectUri,
      scope: "user:read organization.logs:read",
      state: "state-1234567890abcdef",
      code_challenge: createHash("sha256").update(codeVerifier).digest("base64url"),
      code_challenge_method: "S256",
    });
  });

  it("builds real-region URLs from the region setting alone", async () => {
    const oauth = createOAuthClient({ ...APP, region: "AZURE_EU" });
    const url = new URL(
      await oauth.authorizationUrl({ state: "s".repeat(20), codeVerifier: "x".repeat(43) }),
    );
    expect(url.origin).toBe("https://azure-eu-app.contentstack.com");
    expect(oauth.endpointsFor("GCP_NA").appUrl).toBe("https://gcp-na-app.contentstack.com");
  });

  it("refuses weak state and malformed verifiers", async () => {
    const { oauth } = setup();
    await expect(
      oauth.authorizationUrl({ state: "short", codeVerifier: "x".repeat(43) }),
    ).rejects.toThrow(/state/);
    await expect(
      oauth.authorizationUrl({ state: "s".repeat(20), codeVerifier: "short" }),
    ).rejects.toThrow(/codeVerifier/);
  });
});

describe("callback and code exchange", () => {
  it("exchanges a code (PKCE) for tokens whose region comes from the callback's location", async () => {
    const { oauth } = setup();
    const { code, location, codeVerifier } = await login(oauth);
    expect(location).toBe("NA");
    const tokens = await oauth.exchangeCode({ code, codeVerifier, location });
    expect(tokens).toMatchObject({
      tokenType: "bearer",
      region: "NA",
      organizationUid: ORG,
      userUid: OWNER,
      authorizationType: "user",
    });
    expect(tokens.scopes).toEqual(["user:read", "organization:read"]);
    expect(tokens.expiresAt).toBeGreaterThan(Date.now() + 3_000_000);
    const client = createContentstackClient({
      overrides: { apiUrl: emulator.url },
      organizationUid: ORG,
      credentials: {
        kind: "oauth",
        accessToken: tokens.accessToken,
        refreshToken: tokens.refreshToken,
        expiresAt: tokens.expiresAt,
      },
      limiter: createRateLimiter(),
      logger: pino({ level: "silent" }),
    });
    expect((await client.getUser()).uid).toBe(OWNER);
  });

  it("asks consent once, then redirects straight back", async () => {
    const { oauth } = setup();
    await login(oauth);
    const { state, codeVerifier } = oauth.createLoginSecrets();
    const { authtoken } = (await control(emulator, "POST", "/sessions", { user_uid: OWNER })) as {
      authtoken: string;
    };
    const response = await fetch(await oauth.authorizationUrl({ state, codeVerifier }), {
      headers: { cookie: `cs_authtoken=${authtoken}` },
      redirect: "manual",
    });
    expect(response.status).toBe(302);
    expect(oauth.parseCallback(response.headers.get("location") ?? "", state).code).toBeTruthy();
  });

  it("refuses a callback whose state does not match, or that carries an error", async () => {
    const { oauth } = setup();
    const { callback } = await login(oauth);
    expect(() => oauth.parseCallback(callback, "another-state-value-123")).toThrow(OAuthError);
    const denied = new URL(`${APP.redirectUri}?error=access_denied&error_description=no&state=abc`);
    expect(() => oauth.parseCallback(denied, "abc")).toThrow(/access_denied/);
  });

  it("refuses a reused code and a wrong verifier with invalid_grant", async () => {
    const { oauth } = setup();
    const first = await login(oauth);
    await oauth.exchangeCode(first);
    const reused = await oauth.exchangeCode(first).catch((caught: unknown) => caught);
    expect(reused).toBeInstanceOf(OAuthError);
    expect(reused).toMatchObject({
      apiCode: "invalid_grant",
      status: 400,
      code: "OAUTH_FAILED",
    });
    const second = await login(oauth);
    await expect(
      oauth.exchangeCode({ ...second, codeVerifier: "w".repeat(64) }),
    ).rejects.toMatchObject({ apiCode: "invalid_grant" });
  });

  it("works as a confidential client with the client secret too", async () => {
    const { oauth } = setup({ clientSecret: APP.clientSecret });
    const tokens = await oauth.exchangeCode(await login(oauth));
    expect(tokens.accessToken).toBeTruthy();
    const wrong = setup({ clientSecret: "wrong-secret-value" }).oauth;
    await expect(wrong.exchangeCode(await login(wrong))).rejects.toMatchObject({
      apiCode: "invalid_client",
    });
  });
});

describe("refresh and revocation", () => {
  it("refreshes with a rotating refresh token; replaying the spent one revokes the grant", async () => {
    const { oauth } = setup();
    const tokens = await oauth.exchangeCode(await login(oauth));
    const refreshed = await oauth.refresh(tokens.refreshToken ?? "");
    expect(refreshed.accessToken).not.toBe(tokens.accessToken);
    expect(refreshed.refreshToken).not.toBe(tokens.refreshToken);
    await expect(oauth.refresh(tokens.refreshToken ?? "")).rejects.toMatchObject({
      apiCode: "invalid_grant",
    });
    // Replaying the spent token revoked the whole grant (RFC 6749 §10.4): the newer one is dead too.
    await expect(oauth.refresh(refreshed.refreshToken ?? "")).rejects.toMatchObject({
      status: 400,
    });
  });

  it("revokes the person's authorization on logout; the token stops working", async () => {
    const { oauth } = setup();
    const tokens = await oauth.exchangeCode(await login(oauth));
    const client = createContentstackClient({
      overrides: { apiUrl: emulator.url },
      organizationUid: ORG,
      credentials: { kind: "oauth", accessToken: tokens.accessToken, expiresAt: tokens.expiresAt },
      limiter: createRateLimiter(),
      retry: { retries: 0 },
      logger: pino({ level: "silent" }),
    });
    await client.getUser();
    expect(
      await oauth.revoke({ accessToken: tokens.accessToken, organizationUid: ORG, userUid: OWNER }),
    ).toBe(true);
    await expect(client.getUser()).rejects.toBeInstanceOf(AuthError);
    await expect(oauth.refresh(tokens.refreshToken ?? "")).rejects.toBeInstanceOf(OAuthError);
    // Logging out twice is harmless.
    expect(
      await oauth.revoke({ accessToken: tokens.accessToken, organizationUid: ORG, userUid: OWNER }),
    ).toBe(false);
  });
});
