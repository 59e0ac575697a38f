import { randomBytes } from "node:crypto";

import { describe, expect, it } from "vitest";

import { StaleWriteError } from "../src/errors/stale-write-error";
import { createSecretBox } from "../src/secret-box/secret-box";
import { createOneTimeStore } from "../src/sessions/one-time-store";
import { createSessionsStore } from "../src/sessions/sessions-store";
import { dumpPrefix, isolation, lapseNow, manualClock, useRedis } from "./support/test-redis";

const redis = useRedis();
const secretBox = createSecretBox({
  currentKeyId: "k1",
  keys: { k1: randomBytes(32).toString("base64") },
});
const TOKENS = {
  accessToken: "cs-access-token-secret-aaaa",
  refreshToken: "cs-refresh-token-secret-bbbb",
  expiresAt: Date.UTC(2026, 0, 1, 1),
  region: "NA",
};
const PERSON = { email: "olivia.owner@acme.test", name: "Olivia Owner", role: "owner" as const };

function setup(overrides: { idleTtlMs?: number; absoluteTtlMs?: number } = {}) {
  const { keyPrefix, orgUid } = isolation();
  const clock = manualClock();
  const sessions = createSessionsStore({ redis, keyPrefix, clock, secretBox, ...overrides });
  const oneTime = createOneTimeStore({ redis, keyPrefix, clock, secretBox });
  return { keyPrefix, orgUid, clock, sessions, oneTime };
}

describe("sessions", () => {
  it("creates a session under a digest of its id, with a CSRF token and the idle TTL", async () => {
    const { sessions, orgUid, keyPrefix } = setup({ idleTtlMs: 60_000 });
    const { sessionId, session } = await sessions.create({ orgUid, userUid: "u1", region: "NA" });
    expect(sessionId).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(session).toMatchObject({ orgUid, userUid: "u1", version: 1 });
    expect(session.csrfToken).not.toBe(sessionId);
    expect(await sessions.get(sessionId)).toEqual(session);
    const dump = await dumpPrefix(redis, keyPrefix);
    expect(dump).toContain(`${keyPrefix}:{global}:session:`);
    expect(dump).not.toContain(sessionId);
    const [key] = await redis.keys(`${keyPrefix}:{global}:session:*`);
    const ttl = await redis.pttl(key ?? "");
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(60_000);
  });

  it("refuses unknown, malformed and expired ids", async () => {
    const { sessions, orgUid, clock } = setup({ absoluteTtlMs: 10_000 });
    expect(await sessions.get("nope")).toBeNull();
    expect(await sessions.get("a".repeat(43))).toBeNull();
    const { sessionId } = await sessions.create({ orgUid, userUid: "u1", region: "NA" });
    clock.advance(10_000);
    expect(await sessions.get(sessionId)).toBeNull();
  });

  it("checks CSRF tokens exactly", async () => {
    const { sessions, orgUid } = setup();
    const { session } = await sessions.create({ orgUid, userUid: "u1", region: "NA" });
    expect(sessions.checkCsrf(session, session.csrfToken)).toBe(true);
    expect(sessions.checkCsrf(session, `${session.csrfToken}x`)).toBe(false);
    expect(sessions.checkCsrf(session, null)).toBe(false);
    expect(sessions.checkCsrf(session, "")).toBe(false);
  });

  it("signs in with tokens kept encrypted, and writes only on the current version", async () => {
    const { sessions, orgUid, keyPrefix, clock } = setup();
    const { sessionId, session } = await sessions.create({ orgUid, userUid: "u1", region: "NA" });
    expect(await sessions.readTokens(sessionId)).toBeNull();
    const signed = await sessions.signIn(sessionId, session.version, {
      tokens: TOKENS,
      person: { ...PERSON, checkedAt: clock.now() },
    });
    expect(signed).toMatchObject({ version: 2, tokenExpiresAt: TOKENS.expiresAt });
    expect(signed.person?.role).toBe("owner");
    expect(JSON.stringify(signed)).not.toContain(TOKENS.accessToken);
    expect(await sessions.readTokens(sessionId)).toEqual(TOKENS);
    const dump = await dumpPrefix(redis, keyPrefix);
    expect(dump).not.toContain(TOKENS.accessToken);
    expect(dump).not.toContain(TOKENS.refreshToken);

    await expect(
      sessions.saveTokens(sessionId, 1, { ...TOKENS, accessToken: "x" }),
    ).rejects.toBeInstanceOf(StaleWriteError);
    const refreshed = await sessions.saveTokens(sessionId, 2, {
      ...TOKENS,
      accessToken: "cs-access-token-2",
    });
    expect(refreshed.version).toBe(3);
    expect((await sessions.readTokens(sessionId))?.accessToken).toBe("cs-access-token-2");
    const demoted = await sessions.updatePerson(sessionId, 3, {
      ...PERSON,
      role: "member",
      checkedAt: clock.now(),
    });
    expect(demoted.person?.role).toBe("member");
  });

  it("ends a session and its refresh lock", async () => {
    const { sessions, orgUid } = setup();
    const { sessionId } = await sessions.create({ orgUid, userUid: "u1", region: "NA" });
    expect(await sessions.tryLockRefresh(sessionId, 5_000)).toBe(true);
    expect(await sessions.tryLockRefresh(sessionId, 5_000)).toBe(false);
    await sessions.unlockRefresh(sessionId);
    expect(await sessions.tryLockRefresh(sessionId, 5_000)).toBe(true);
    expect(await sessions.destroy(sessionId)).toBe(true);
    expect(await sessions.get(sessionId)).toBeNull();
    await expect(
      sessions.signIn(sessionId, 1, { tokens: TOKENS, person: { ...PERSON, checkedAt: 1 } }),
    ).rejects.toBeInstanceOf(StaleWriteError);
  });
});

describe("one-time records", () => {
  it("gives a login attempt back once", async () => {
    const { oneTime } = setup();
    const state = randomBytes(24).toString("base64url");
    const codeVerifier = randomBytes(40).toString("base64url");
    const id = await oneTime.startLogin({ state, codeVerifier });
    expect(await oneTime.takeLogin(id)).toMatchObject({ state, codeVerifier });
    expect(await oneTime.takeLogin(id)).toBeNull();
    expect(await oneTime.takeLogin("garbage")).toBeNull();
  });

  it("redeems a handoff once, its tokens never stored in plaintext", async () => {
    const { oneTime, orgUid, keyPrefix } = setup();
    const code = await oneTime.issueHandoff({ orgUid, userUid: "u1", tokens: TOKENS });
    const dump = await dumpPrefix(redis, keyPrefix);
    expect(dump).not.toContain(TOKENS.accessToken);
    expect(dump).not.toContain(code);
    expect(await oneTime.redeemHandoff(code)).toEqual({ orgUid, userUid: "u1", tokens: TOKENS });
    expect(await oneTime.redeemHandoff(code)).toBeNull();
  });

  it("expires a handoff", async () => {
    const { keyPrefix, orgUid } = isolation();
    const oneTime = createOneTimeStore({ redis, keyPrefix, secretBox, handoffTtlMs: 30 });
    const code = await oneTime.issueHandoff({ orgUid, userUid: "u1", tokens: TOKENS });
    const [key] = await redis.keys(`${keyPrefix}:{global}:oauth-handoff:*`);
    await lapseNow(redis, key ?? "", 30);
    expect(await oneTime.redeemHandoff(code)).toBeNull();
  });
});
