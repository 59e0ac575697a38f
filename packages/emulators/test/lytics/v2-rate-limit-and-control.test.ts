// The bare 429 per account, injected faults in the v2 shape, and the Lytics control API additions.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";

import { generateLargeFixture } from "../../src/fixtures/generate-large-fixture";
import { startLyticsEmulator, type LyticsEmulator } from "../../src/lytics";
import { call } from "./support/http";

const WEB = "at.acme-web.local-token-0001";
const CAMPAIGNS = "at.acme-campaigns.local-token-0002";

let lytics: LyticsEmulator;
const v2 = (method: string, path: string, token = WEB, body?: unknown) =>
  call(lytics.url, method, path, { headers: { authorization: token }, body });
const control = (method: string, path: string, body?: unknown) =>
  call(lytics.url, method, `/_emulator${path}`, { body });

beforeAll(async () => {
  lytics = await startLyticsEmulator({
    port: 0,
    contentstackUrl: "http://127.0.0.1:9",
    rateLimitPerSecond: 5,
    // Frozen time: every call lands in one window however slow the machine, and only the control
    // API's clock moves it on.
    now: () => 1_767_225_600_000,
  });
});
afterAll(async () => lytics.close());
beforeEach(async () => {
  await control("POST", "/reset");
});

describe("rate limit", () => {
  it("answers a bare 429 beyond the per-account limit, without Retry-After, and spares other accounts", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 8; i += 1) statuses.push((await v2("GET", "/v2/user")).status);
    expect(statuses.filter((status) => status === 200)).toHaveLength(5);
    expect(statuses.slice(5)).toEqual([429, 429, 429]);
    const limited = await v2("GET", "/v2/user");
    expect(limited.status).toBe(429);
    expect(limited.headers.get("retry-after")).toBeNull();
    expect(
      [...limited.headers.keys()].some((name) => name.toLowerCase().includes("ratelimit")),
    ).toBe(false);
    expect(limited.body).toMatchObject({ status: 429, errors: [{ message: "Too Many Requests" }] });
    expect((await v2("GET", "/v2/user", CAMPAIGNS)).status).toBe(200);
  });

  it("admits calls again once the sliding window has passed", async () => {
    for (let i = 0; i < 5; i += 1) await v2("GET", "/v2/user");
    expect((await v2("GET", "/v2/user")).status).toBe(429);
    expect((await control("POST", "/clock", { advanceMs: 999 })).status).toBe(200);
    expect((await v2("GET", "/v2/user")).status).toBe(429);
    await control("POST", "/clock", { advanceMs: 1 });
    expect((await v2("GET", "/v2/user")).status).toBe(200);
  });
});

describe("faults through the control plane", () => {
  it("injects a 503 in the v2 error shape once, then serves normally, and counts both calls", async () => {
    const added = await control("POST", "/faults", {
      route: "/v2/user",
      method: "GET",
      times: 1,
      fault: { kind: "status", status: 503 },
    });
    expect(added.status).toBe(201);
    const failed = await v2("GET", "/v2/user");
    expect(failed.status).toBe(503);
    expect(failed.body).toMatchObject({
      status: 503,
      errors: [{ code: "INTERNAL-019", level: "error" }],
    });
    expect((await v2("GET", "/v2/user")).status).toBe(200);
    const calls = await control("GET", "/calls");
    expect(calls.body.counts["GET /v2/user"]).toBe(2);
  });

  it("injects an injected 401 in the Not-authorized shape", async () => {
    await control("POST", "/faults", {
      route: "/v2/user/:id",
      fault: { kind: "status", status: 401 },
    });
    const response = await v2("GET", "/v2/user/lu_mia");
    expect(response.body).toEqual({ message: "Not authorized", status: 401 });
  });
});

describe("Lytics control API", () => {
  it("mints an API token that reaches the account", async () => {
    const minted = await control("POST", "/lytics/tokens", { aid: 1002 });
    expect(minted.status).toBe(201);
    expect(minted.body.token).toMatch(/^at\.[0-9a-f]+\.[0-9a-f]+$/);
    const users = await v2("GET", "/v2/user", minted.body.token);
    expect(users.status).toBe(200);
    expect(users.body.data.map((user: { id: string }) => user.id)).toContain("lu2_max");
    expect((await control("POST", "/lytics/tokens", { aid: 9999 })).status).toBe(404);
    expect((await control("POST", "/lytics/tokens", { aid: "x" })).status).toBe(400);
  });

  it("sets an account's roles_available, and null restores the default list", async () => {
    const set = await control("PUT", "/lytics/accounts/1001/roles-available", {
      roles_available: ["admin", "observer", "v2_segment_view"],
    });
    expect(set.status).toBe(200);
    const roles = (await v2("GET", "/v2/account/1001?roles=true")).body.data.roles_available;
    expect(roles.map((role: { slug: string }) => role.slug)).toEqual([
      "admin",
      "observer",
      "v2_segment_view",
    ]);
    await control("PUT", "/lytics/accounts/1001/roles-available", { roles_available: null });
    expect((await v2("GET", "/v2/account/1001?roles=true")).body.data.roles_available).toHaveLength(
      12,
    );
  });

  it("changes a user's roles inside Lytics (drift), visible through v2", async () => {
    const drift = await control("PUT", "/lytics/accounts/1001/users/lu_mia/roles", {
      roles: ["admin"],
    });
    expect(drift.status).toBe(200);
    expect((await v2("GET", "/v2/user/lu_mia")).body.data.accounts[0]).toMatchObject({
      roles: ["admin", "authed2"],
    });
    expect(
      (await control("PUT", "/lytics/accounts/1001/users/lu2_max/roles", { roles: ["admin"] }))
        .status,
    ).toBe(404);
  });

  it("loads a whole new fixture through the shared control plane", async () => {
    const loaded = await control(
      "POST",
      "/fixture",
      generateLargeFixture({ members: 300, projects: 2, seed: 5 }),
    );
    expect(loaded.status).toBe(204);
    expect((await v2("GET", "/v2/user")).status).toBe(401);
    const users = await v2("GET", "/v2/user", "at.large-1.local-token-0000001");
    expect(users.status).toBe(200);
    expect(users.body.data).toHaveLength(51);
    expect((await control("POST", "/fixture", { people: [] })).status).toBe(400);
  });

  it("reads the store, and reset puts the fixture back", async () => {
    await v2("DELETE", "/v2/user/lu_mia");
    let snapshot = await control("GET", "/lytics/store");
    const web = () =>
      snapshot.body.accounts.find((account: { aid: number }) => account.aid === 1001);
    expect(web().users.map((user: { id: string }) => user.id)).not.toContain("lu_mia");
    expect(web().api_tokens).toBe(1);
    await control("POST", "/reset");
    snapshot = await control("GET", "/lytics/store");
    expect(web().users.map((user: { id: string }) => user.id)).toContain("lu_mia");
  });
});

it("serves no control API when controlApi is off", async () => {
  const closed = await startLyticsEmulator({
    port: 0,
    contentstackUrl: "http://127.0.0.1:9",
    controlApi: false,
  });
  try {
    expect((await call(closed.url, "GET", "/_emulator/lytics/store")).status).toBe(404);
    expect((await call(closed.url, "POST", "/_emulator/reset")).status).toBe(404);
  } finally {
    await closed.close();
    await closed.close();
  }
});
