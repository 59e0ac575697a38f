// Verification of signed app tokens against the emulator's served public key: valid, expired,
// wrong issuer, wrong audience, wrong key, malformed, and the key cache's single refetch. Expiry and
// a token's age are checked on an injected clock in app-token-hardening.test.ts.
import { SignJWT } from "jose";
import { generateKeyPairSync } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { AppTokenError, createAppTokenVerifier, verifyAppToken } from "../src/index";
import { ORG, OWNER, calls, control, startEmulator, type Emulator } from "./support/emulator";

const KEYS_ROUTE = "GET /.well-known/public-keys.json";
let emulator: Emulator;

beforeAll(async () => {
  emulator = await startEmulator();
});
afterAll(async () => {
  await emulator.close();
});
beforeEach(async () => {
  await control(emulator, "DELETE", "/calls");
});

async function mint(target: Emulator, userUid = OWNER): Promise<string> {
  const body = (await control(target, "POST", "/app-tokens", {
    organization_uid: ORG,
    user_uid: userUid,
  })) as { app_token?: string; token?: string };
  const token = body.app_token ?? body.token;
  if (!token) throw new Error(`no token in ${JSON.stringify(body)}`);
  return token;
}

const failureOf = (promise: Promise<unknown>) =>
  promise.then(
    () => "verified",
    (error: unknown) =>
      error instanceof AppTokenError ? error.failure : `other: ${String(error)}`,
  );

describe("app token verification", () => {
  it("accepts a valid token and returns its claims", async () => {
    const claims = await verifyAppToken(await mint(emulator), {
      appUrl: emulator.url,
      appUid: "app_lytics_access",
    });
    expect(claims).toMatchObject({
      organizationUid: ORG,
      installationUid: "inst_acme",
      appUid: "app_lytics_access",
      userUid: OWNER,
    });
    expect(claims.expiresAt.getTime()).toBeGreaterThan(Date.now());
  });

  it("refuses a wrong issuer and a wrong audience", async () => {
    const token = await mint(emulator);
    const wrongIssuer = createAppTokenVerifier({
      appUrl: emulator.url,
      appUid: "app_lytics_access",
      issuer: "https://app.contentstack.com",
    });
    expect(await failureOf(wrongIssuer.verify(token))).toBe("issuer");
    const wrongAudience = createAppTokenVerifier({
      appUrl: emulator.url,
      appUid: "app_someone_else",
    });
    expect(await failureOf(wrongAudience.verify(token))).toBe("audience");
  });

  it("refuses a token signed with another key, refetching the key once to rule out a rotation", async () => {
    const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
    const forged = await new SignJWT({
      organization_uid: ORG,
      installation_uid: "inst_acme",
      app_uid: "app_lytics_access",
      user_uid: OWNER,
    })
      .setProtectedHeader({ alg: "RS256" })
      .setIssuer(emulator.url)
      .setAudience("app_lytics_access")
      .setExpirationTime("5m")
      .sign(privateKey);
    const verifier = createAppTokenVerifier({
      appUrl: emulator.url,
      appUid: "app_lytics_access",
      refetchAfterMs: 0,
    });
    expect(await failureOf(verifier.verify(forged))).toBe("signature");
    expect((await calls(emulator)).counts[KEYS_ROUTE]).toBe(2);
    // A genuine token still verifies with the cached key: no further fetch.
    await verifier.verify(await mint(emulator));
    expect((await calls(emulator)).counts[KEYS_ROUTE]).toBe(2);
  });

  it("does not refetch the key for forged tokens while the cached key is fresh", async () => {
    const verifier = createAppTokenVerifier({ appUrl: emulator.url, appUid: "app_lytics_access" });
    await verifier.verify(await mint(emulator));
    const [header, payload] = (await mint(emulator)).split(".");
    const tampered = `${header}.${payload}.${Buffer.from("not a signature").toString("base64url")}`;
    expect(await failureOf(verifier.verify(tampered))).toBe("signature");
    expect((await calls(emulator)).counts[KEYS_ROUTE]).toBe(1);
  });

  it("refuses malformed tokens and an unreachable key host with clear failures", async () => {
    const verifier = createAppTokenVerifier({ appUrl: emulator.url, appUid: "app_lytics_access" });
    expect(await failureOf(verifier.verify("not-a-jwt"))).toBe("malformed");
    const nowhere = createAppTokenVerifier({
      appUrl: "http://127.0.0.1:9",
      appUid: "app_lytics_access",
    });
    expect(await failureOf(nowhere.verify(await mint(emulator)))).toBe("key_unavailable");
  });
});
