// App-token verification against a key host of our own on 127.0.0.1, on an injected clock: a key
// of the wrong type or an oversized key response is refused and never cached, a failing key host
// is asked again only after the refetch interval, and a token's age is bounded.
import { SignJWT } from "jose";
import { createHmac, generateKeyPairSync, type KeyObject } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { AppTokenError, createAppTokenVerifier, verifyAppToken } from "../src/index";

const APP_UID = "app_lytics_access";
const rsa = generateKeyPairSync("rsa", { modulusLength: 2048 });
const ec = generateKeyPairSync("ec", { namedCurve: "P-256" });
const pkcs1 = (key: KeyObject) => key.export({ format: "pem", type: "pkcs1" }).toString();
const spki = (key: KeyObject) => key.export({ format: "pem", type: "spki" }).toString();

let keyBody: () => { status: number; body: string };
let fetches = 0;
let server: Server;
let url: string;

beforeAll(async () => {
  server = createServer((_request, response) => {
    fetches++;
    const { status, body } = keyBody();
    response.writeHead(status, { "content-type": "application/json" }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});
beforeEach(() => {
  fetches = 0;
  keyBody = () => ({ status: 200, body: JSON.stringify({ "signing-key": pkcs1(rsa.publicKey) }) });
});

/** A clock the test moves by hand. */
function manualClock(start = Date.parse("2026-12-01T12:00:00Z")) {
  let current = start;
  return {
    now: () => current,
    advance: (ms: number) => {
      current += ms;
    },
  };
}

async function sign(
  claims: { iat?: number; exp: number },
  key: KeyObject = rsa.privateKey,
): Promise<string> {
  const jwt = new SignJWT({
    organization_uid: "blt_org_acme",
    installation_uid: "inst_acme",
    app_uid: APP_UID,
    user_uid: "blt_user_olivia",
    ...(claims.iat === undefined ? {} : { iat: claims.iat }),
  })
    .setProtectedHeader({ alg: "RS256" })
    .setIssuer(url)
    .setAudience(APP_UID)
    .setExpirationTime(claims.exp);
  return jwt.sign(key);
}

const failureOf = (promise: Promise<unknown>) =>
  promise.then(
    () => "verified",
    (error: unknown) =>
      error instanceof AppTokenError ? error.failure : `other: ${String(error)}`,
  );

function verifierAt(clock: ReturnType<typeof manualClock>, extra: object = {}) {
  return createAppTokenVerifier({ appUrl: url, appUid: APP_UID, now: clock.now, ...extra });
}

describe("the signing key", () => {
  it("refuses an EC key and does not cache it", async () => {
    const clock = manualClock();
    const seconds = clock.now() / 1000;
    keyBody = () => ({ status: 200, body: JSON.stringify({ "signing-key": spki(ec.publicKey) }) });
    const verifier = verifierAt(clock, { refetchAfterMs: 1000 });
    const token = await sign({ iat: seconds, exp: seconds + 300 });
    expect(await failureOf(verifier.verify(token))).toBe("key_unavailable");
    await expect(verifier.verify(token)).rejects.toThrow(/ec key/);
    // The host now serves the right key: once the refetch interval passed, it is fetched and used.
    keyBody = () => ({
      status: 200,
      body: JSON.stringify({ "signing-key": pkcs1(rsa.publicKey) }),
    });
    clock.advance(1000);
    expect(await failureOf(verifier.verify(token))).toBe("verified");
  });

  it("refuses a key response larger than the cap, reading no further", async () => {
    const clock = manualClock();
    const seconds = clock.now() / 1000;
    keyBody = () => ({
      status: 200,
      body: JSON.stringify({ "signing-key": pkcs1(rsa.publicKey), padding: "x".repeat(200_000) }),
    });
    const verifier = verifierAt(clock);
    const error = await verifier
      .verify(await sign({ iat: seconds, exp: seconds + 300 }))
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AppTokenError);
    expect(error).toMatchObject({ failure: "key_unavailable" });
    expect((error as Error).message).toMatch(/more than 65536 bytes/);
  });

  it("asks a failing key host again only after the refetch interval", async () => {
    const clock = manualClock();
    const seconds = clock.now() / 1000;
    keyBody = () => ({ status: 503, body: "{}" });
    const verifier = verifierAt(clock, { refetchAfterMs: 60_000 });
    const token = await sign({ iat: seconds, exp: seconds + 3000 });
    expect(await failureOf(verifier.verify(token))).toBe("key_unavailable");
    expect(await failureOf(verifier.verify(token))).toBe("key_unavailable");
    expect(fetches).toBe(1);
    keyBody = () => ({
      status: 200,
      body: JSON.stringify({ "signing-key": pkcs1(rsa.publicKey) }),
    });
    clock.advance(60_000);
    expect(await failureOf(verifier.verify(token))).toBe("verified");
    expect(fetches).toBe(2);
  });

  it("fetches the key again when the cached one no longer verifies (a rotation), rate-bounded", async () => {
    const clock = manualClock();
    const seconds = clock.now() / 1000;
    const verifier = verifierAt(clock, { refetchAfterMs: 60_000 });
    expect(await failureOf(verifier.verify(await sign({ iat: seconds, exp: seconds + 300 })))).toBe(
      "verified",
    );
    const rotated = generateKeyPairSync("rsa", { modulusLength: 2048 });
    keyBody = () => ({
      status: 200,
      body: JSON.stringify({ "signing-key": pkcs1(rotated.publicKey) }),
    });
    const later = seconds + 10;
    const token = await sign({ iat: later, exp: later + 300 }, rotated.privateKey);
    clock.advance(10_000);
    // Within the interval the cached key stands: no fetch for a token that may be forged.
    expect(await failureOf(verifier.verify(token))).toBe("signature");
    expect(fetches).toBe(1);
    clock.advance(60_000);
    const fresh = clock.now() / 1000;
    expect(
      await failureOf(
        verifier.verify(await sign({ iat: fresh, exp: fresh + 300 }, rotated.privateKey)),
      ),
    ).toBe("verified");
    expect(fetches).toBe(2);
  });
});

describe("a token's age", () => {
  it("refuses an iat in the future beyond the skew", async () => {
    const clock = manualClock();
    const seconds = clock.now() / 1000;
    const verifier = verifierAt(clock, { clockToleranceSeconds: 5 });
    expect(
      await failureOf(verifier.verify(await sign({ iat: seconds + 3, exp: seconds + 300 }))),
    ).toBe("verified");
    expect(
      await failureOf(verifier.verify(await sign({ iat: seconds + 60, exp: seconds + 300 }))),
    ).toBe("not_yet_valid");
  });

  it("refuses a token living longer than the limit, by exp - iat or by exp from now", async () => {
    const clock = manualClock();
    const seconds = clock.now() / 1000;
    const verifier = verifierAt(clock);
    const years = 2 * 365 * 86_400;
    expect(
      await failureOf(verifier.verify(await sign({ iat: seconds, exp: seconds + years }))),
    ).toBe("lifetime");
    expect(await failureOf(verifier.verify(await sign({ exp: seconds + years })))).toBe("lifetime");
    expect(
      await failureOf(verifier.verify(await sign({ iat: seconds - 3000, exp: seconds + 1000 }))),
    ).toBe("lifetime");
    expect(
      await failureOf(verifier.verify(await sign({ iat: seconds, exp: seconds + 3600 }))),
    ).toBe("verified");
  });

  it("refuses an expired token on the injected clock, no waiting", async () => {
    const clock = manualClock();
    const seconds = clock.now() / 1000;
    const verifier = verifierAt(clock, { clockToleranceSeconds: 0 });
    const token = await sign({ iat: seconds, exp: seconds + 60 });
    expect(await failureOf(verifier.verify(token))).toBe("verified");
    clock.advance(61_000);
    expect(await failureOf(verifier.verify(token))).toBe("expired");
  });
});

describe("algorithm confusion", () => {
  const claimsAt = (seconds: number) => ({
    organization_uid: "blt_org_acme",
    installation_uid: "inst_acme",
    app_uid: APP_UID,
    user_uid: "blt_user_olivia",
    iss: url,
    aud: APP_UID,
    iat: seconds,
    exp: seconds + 300,
  });
  const part = (value: object) => Buffer.from(JSON.stringify(value)).toString("base64url");

  it('refuses alg "none" with an empty signature', async () => {
    const clock = manualClock();
    const token = `${part({ alg: "none", typ: "JWT" })}.${part(claimsAt(clock.now() / 1000))}.`;
    expect(await failureOf(verifierAt(clock).verify(token))).toBe("algorithm");
  });

  it("refuses HS256 keyed with the public key's PEM (the RS/HS confusion)", async () => {
    const clock = manualClock();
    const input = `${part({ alg: "HS256", typ: "JWT" })}.${part(claimsAt(clock.now() / 1000))}`;
    const verifier = verifierAt(clock);
    for (const pem of [pkcs1(rsa.publicKey), spki(rsa.publicKey)]) {
      const signature = createHmac("sha256", pem).update(input).digest("base64url");
      expect(await failureOf(verifier.verify(`${input}.${signature}`))).toBe("algorithm");
    }
  });

  it("refuses PS256 signed by the right key, and a key the token itself carries", async () => {
    const clock = manualClock();
    const seconds = clock.now() / 1000;
    const verifier = verifierAt(clock);
    const pss = await new SignJWT(claimsAt(seconds))
      .setProtectedHeader({ alg: "PS256" })
      .sign(rsa.privateKey);
    expect(await failureOf(verifier.verify(pss))).toBe("algorithm");
    const attacker = generateKeyPairSync("rsa", { modulusLength: 2048 });
    const embedded = await new SignJWT(claimsAt(seconds))
      .setProtectedHeader({ alg: "RS256", jwk: attacker.publicKey.export({ format: "jwk" }) })
      .sign(attacker.privateKey);
    expect(await failureOf(verifier.verify(embedded))).toBe("signature");
  });
});

describe("verifyAppToken, the shared verifier per app", () => {
  it("applies each call's own limits, not those of the first call for the same app", async () => {
    const seconds = Math.floor(Date.now() / 1000);
    const token = await sign({ iat: seconds, exp: seconds + 600 });
    const options = { appUrl: url, appUid: APP_UID };
    expect(await failureOf(verifyAppToken(token, { ...options, maxLifetimeSeconds: 3600 }))).toBe(
      "verified",
    );
    expect(await failureOf(verifyAppToken(token, { ...options, maxLifetimeSeconds: 300 }))).toBe(
      "lifetime",
    );
    const clock = manualClock(Date.now() + 3_600_000);
    expect(await failureOf(verifyAppToken(token, { ...options, now: clock.now }))).toBe("expired");
  });

  it("keeps a bounded number of shared verifiers, however many clocks callers pass", async () => {
    const seconds = Math.floor(Date.now() / 1000);
    const token = await sign({ iat: seconds, exp: seconds + 300 });
    const options = { appUrl: url, appUid: APP_UID, maxLifetimeSeconds: 600 };
    const first = () => Date.now();
    expect(await failureOf(verifyAppToken(token, { ...options, now: first }))).toBe("verified");
    expect(await failureOf(verifyAppToken(token, { ...options, now: first }))).toBe("verified");
    expect(fetches).toBe(1); // one verifier, one key fetch
    // Each new clock is a new verifier (and key fetch); past the bound the oldest one goes.
    for (let i = 0; i < 40; i++) await verifyAppToken(token, { ...options, now: () => Date.now() });
    expect(fetches).toBe(41);
    await verifyAppToken(token, { ...options, now: first });
    expect(fetches).toBe(42);
  });
});
