import { describe, expect, it } from "vitest";

import { CorruptRecordError } from "../src/errors/corrupt-record-error";
import { InvalidInputError } from "../src/errors/invalid-input-error";
import { NotFoundError } from "../src/errors/not-found-error";
import { StaleWriteError } from "../src/errors/stale-write-error";
import { createAuditLogStore } from "../src/audit-log/audit-log-store";
import { createKeys } from "../src/keys";
import { createInstallationsStore } from "../src/installations/installations-store";
import { createSecretBox } from "../src/secret-box/secret-box";
import { dumpPrefix, isolation, manualClock, testKeyring, useRedis } from "./support/test-redis";

const redis = useRedis();

const REFRESH = "rt-SECRET-refresh-0001";
const ACCESS = "at-SECRET-access-0001";

function setup() {
  const { keyPrefix, orgUid } = isolation();
  const clock = manualClock();
  const auditLog = createAuditLogStore({ redis, clock, keyPrefix });
  const store = createInstallationsStore({
    redis,
    clock,
    keyPrefix,
    secretBox: createSecretBox(testKeyring()),
    backoff: { baseMs: 1000, capMs: 10_000, degradedAfter: 3 },
    auditLog,
  });
  const connect = (uid = orgUid, refreshToken = REFRESH, options?: { awaitingImport?: boolean }) =>
    store.connect(
      {
        orgUid: uid,
        region: "NA",
        connectedBy: { uid: "owner-1", email: "owner@acme.test", name: "Olive Owner" },
        scopes: ["organization.users:read", "audit-logs:read"],
        tokens: { refreshToken, accessToken: ACCESS, accessTokenExpiresAt: clock.now() + 3600_000 },
      },
      options,
    );
  return { store, clock, keyPrefix, orgUid, connect, auditLog };
}

describe("installations", () => {
  it("connects an organization and never returns or stores its secrets in clear", async () => {
    const { store, orgUid, keyPrefix, connect, clock } = setup();
    const { installation, tokenVersion } = await connect();
    expect(tokenVersion).toBe(1);
    expect(installation).toEqual({
      orgUid,
      region: "NA",
      connectedBy: { uid: "owner-1", email: "owner@acme.test", name: "Olive Owner" },
      connectedAt: clock.now(),
      scopes: ["organization.users:read", "audit-logs:read"],
      status: "connected",
      statusSince: clock.now(),
      failureCount: 0,
      awaitingImport: false,
    });
    expect(JSON.stringify(await store.get(orgUid))).not.toMatch(/SECRET/);
    const tokens = await store.readTokens(orgUid);
    expect(tokens).toMatchObject({ version: 1, refreshToken: REFRESH, accessToken: ACCESS });
    // Scan every raw key and value the store wrote.
    const raw = await dumpPrefix(redis, keyPrefix);
    expect(raw).toContain(orgUid);
    expect(raw).not.toContain(REFRESH);
    expect(raw).not.toContain(ACCESS);
    expect(raw).not.toContain("SECRET");
  });

  it("lists installations, and listConnected leaves out those that need a reconnect", async () => {
    const { store, connect, orgUid } = setup();
    await connect();
    await connect(`${orgUid}b`);
    await store.markNeedsReconnect(`${orgUid}b`, "refresh token revoked");
    expect((await store.list()).map((i) => i.orgUid)).toEqual([orgUid, `${orgUid}b`]);
    expect((await store.listConnected()).map((i) => i.orgUid)).toEqual([orgUid]);
  });

  it("a first connection awaits its import: left out of listConnected until markImportAccepted, audited once", async () => {
    const { store, orgUid, connect, auditLog } = setup();
    const first = await connect(orgUid, REFRESH, { awaitingImport: true });
    expect(first.installation.awaitingImport).toBe(true);
    await connect(`${orgUid}b`);
    expect((await store.list()).map((i) => i.orgUid)).toEqual([orgUid, `${orgUid}b`]);
    expect((await store.listConnected()).map((i) => i.orgUid)).toEqual([`${orgUid}b`]);

    // A reconnect before the acceptance (or one that asks again) keeps the value it had.
    expect((await connect(orgUid, "rt-again")).installation.awaitingImport).toBe(true);
    expect(
      (await connect(`${orgUid}b`, "rt-b", { awaitingImport: true })).installation.awaitingImport,
    ).toBe(false);

    const olive = { type: "person" as const, uid: "owner-1", email: "owner@acme.test" };
    const accepted = await store.markImportAccepted(orgUid, {
      by: olive,
      importId: "imp_1",
      adopted: 3,
    });
    expect(accepted.changed).toBe(true);
    expect(accepted.installation.awaitingImport).toBe(false);
    expect((await store.listConnected()).map((i) => i.orgUid)).toEqual([orgUid, `${orgUid}b`]);
    const again = await store.markImportAccepted(orgUid, { by: olive });
    expect(again.changed).toBe(false);
    const audit = await auditLog.read(orgUid, { kinds: ["import-accepted"] });
    expect(audit.entries).toHaveLength(1);
    expect(audit.entries[0]).toMatchObject({ actor: olive, importId: "imp_1", adopted: 3 });

    // Accepted once: a later reconnect does not ask for the import again.
    expect(
      (await connect(orgUid, "rt-later", { awaitingImport: true })).installation.awaitingImport,
    ).toBe(false);
    // Disconnected, then connected again: a first connection once more.
    await store.disconnect(orgUid);
    expect(
      (await connect(orgUid, "rt-new", { awaitingImport: true })).installation.awaitingImport,
    ).toBe(true);
    await expect(store.markImportAccepted(`${orgUid}x`)).rejects.toThrow(NotFoundError);
  });

  it("reads a record written before awaitingImport existed as not awaiting", async () => {
    const { store, orgUid, keyPrefix, connect } = setup();
    await connect(orgUid, REFRESH, { awaitingImport: true });
    const key = createKeys(keyPrefix).installation(orgUid);
    await redis.hdel(key, "awaitingImport");
    expect((await store.get(orgUid))?.awaitingImport).toBe(false);
    expect((await store.listConnected()).map((i) => i.orgUid)).toEqual([orgUid]);
    // A reconnect keeps it that way.
    expect(
      (await connect(orgUid, REFRESH, { awaitingImport: true })).installation.awaitingImport,
    ).toBe(false);
    await redis.hset(key, "awaitingImport", "yes");
    await expect(store.get(orgUid)).rejects.toThrow(CorruptRecordError);
  });

  it("saves rotated tokens with compare-and-set: the slower of two refreshes is refused", async () => {
    const { store, orgUid, connect } = setup();
    await connect();
    const seen = await store.readTokens(orgUid);
    const first = { refreshToken: "rt-2", accessToken: "at-2", accessTokenExpiresAt: 2 };
    const second = { refreshToken: "rt-2b", accessToken: "at-2b", accessTokenExpiresAt: 2 };
    const results = await Promise.allSettled([
      store.saveTokens(orgUid, first, { expectedVersion: seen.version }),
      store.saveTokens(orgUid, second, { expectedVersion: seen.version }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual(["fulfilled", "rejected"]);
    const refused = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect(refused.reason).toBeInstanceOf(StaleWriteError);
    expect((refused.reason as StaleWriteError).actualVersion).toBe(2);
    const winner = results[0]?.status === "fulfilled" ? first : second;
    expect(await store.readTokens(orgUid)).toMatchObject({
      version: 2,
      refreshToken: winner.refreshToken,
    });
  });

  it("a reconnect bumps the token version, so a refresh begun before it cannot overwrite it", async () => {
    const { store, orgUid, connect } = setup();
    await connect();
    const before = await store.readTokens(orgUid);
    const { tokenVersion } = await connect(orgUid, "rt-after-reconnect");
    expect(tokenVersion).toBe(2);
    await expect(
      store.saveTokens(
        orgUid,
        { refreshToken: "x", accessToken: "y", accessTokenExpiresAt: 1 },
        { expectedVersion: before.version },
      ),
    ).rejects.toThrow(StaleWriteError);
    expect((await store.readTokens(orgUid)).refreshToken).toBe("rt-after-reconnect");
  });

  it("marks needs-reconnect once, and reconnecting clears it", async () => {
    const { store, orgUid, connect, clock } = setup();
    await connect();
    clock.advance(5000);
    const first = await store.markNeedsReconnect(orgUid, "invalid_grant");
    expect(first.changed).toBe(true);
    expect(first.installation).toMatchObject({
      status: "needs-reconnect",
      statusReason: "invalid_grant",
      statusSince: clock.now(),
    });
    clock.advance(5000);
    const again = await store.markNeedsReconnect(orgUid, "invalid_grant");
    expect(again.changed).toBe(false);
    expect(again.installation.statusSince).toBe(first.installation.statusSince);
    // Failures do not lift needs-reconnect; only a new authorization does.
    expect((await store.recordFailure(orgUid, "boom")).status).toBe("needs-reconnect");
    expect((await connect()).installation).toMatchObject({ status: "connected", failureCount: 0 });
  });

  it("backs off with growing delays, degrades after repeated failures, and recovers on success", async () => {
    const { store, orgUid, connect, clock, auditLog } = setup();
    await connect();
    const delays: number[] = [];
    let last = await store.recordFailure(orgUid, "lytics 503");
    delays.push((last.nextAttemptAt ?? 0) - clock.now());
    expect(last.status).toBe("connected");
    for (let i = 0; i < 5; i += 1) {
      last = await store.recordFailure(orgUid, `lytics 503 #${i}`);
      delays.push((last.nextAttemptAt ?? 0) - clock.now());
    }
    expect(delays).toEqual([1000, 2000, 4000, 8000, 10_000, 10_000]);
    // The failure that made it degraded (the third) is audited, once.
    const degraded = await auditLog.read(orgUid, { kinds: ["installation-degraded"] });
    expect(degraded.entries).toMatchObject([
      { kind: "installation-degraded", failureCount: 3, reason: "lytics 503 #1" },
    ]);
    expect(last).toMatchObject({
      status: "degraded",
      failureCount: 6,
      statusReason: "lytics 503 #4",
    });
    const healed = await store.recordSuccess(orgUid);
    expect(healed).toMatchObject({ status: "connected", failureCount: 0 });
    expect(healed.nextAttemptAt).toBeUndefined();
    expect(healed.statusReason).toBeUndefined();
  });

  it("disconnects, and answers NotFound for an unknown organization", async () => {
    const { store, orgUid, connect } = setup();
    await connect();
    expect(await store.disconnect(orgUid)).toBe(true);
    expect(await store.get(orgUid)).toBeNull();
    expect(await store.list()).toEqual([]);
    await expect(store.readTokens(orgUid)).rejects.toThrow(NotFoundError);
    await expect(store.recordFailure(orgUid, "x")).rejects.toThrow(NotFoundError);
    await expect(store.markNeedsReconnect(orgUid, "x")).rejects.toThrow(NotFoundError);
    await expect(
      store.saveTokens(
        orgUid,
        { refreshToken: "r", accessToken: "a", accessTokenExpiresAt: 1 },
        { expectedVersion: 1 },
      ),
    ).rejects.toThrow(NotFoundError);
  });

  it("reports a corrupt record instead of dropping it, and bad input without the secrets", async () => {
    const { store, orgUid, keyPrefix, connect } = setup();
    await connect();
    await redis.hset(createKeys(keyPrefix).installation(orgUid), "status", "sleeping");
    await expect(store.get(orgUid)).rejects.toThrow(CorruptRecordError);
    await expect(store.list()).rejects.toThrow(/status/);

    const bad = store.connect({
      orgUid: `${orgUid}x`,
      region: "NA",
      connectedBy: { uid: "u", email: "u@x.test" },
      scopes: [],
      tokens: { refreshToken: REFRESH, accessToken: "", accessTokenExpiresAt: 1 },
    });
    await expect(bad).rejects.toThrow(InvalidInputError);
    await expect(bad).rejects.not.toThrow(/SECRET/);
  });

  it("a secret copied into another organization's record fails to decrypt", async () => {
    const { store, orgUid, keyPrefix, connect } = setup();
    await connect();
    await connect(`${orgUid}b`, "rt-other-org");
    const keys = createKeys(keyPrefix);
    const stolen = await redis.hget(keys.tokens(orgUid), "refreshToken");
    await redis.hset(keys.tokens(`${orgUid}b`), "refreshToken", stolen ?? "");
    await expect(store.readTokens(`${orgUid}b`)).rejects.toThrow(/cannot decrypt/);
  });
});
