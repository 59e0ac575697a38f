// Contract of the v2 user and account API (api-notes §A2, §A5): auth without `Bearer`, the
// 201/200 invite split, role replacement, 404s, and roles_available.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";

import { startLyticsEmulator, type LyticsEmulator } from "../../src/lytics";
import { call } from "./support/http";

const WEB = "at.acme-web.local-token-0001";
const CAMPAIGNS = "at.acme-campaigns.local-token-0002";

let lytics: LyticsEmulator;
const v2 = (method: string, path: string, token: string | null = WEB, body?: unknown) =>
  call(lytics.url, method, path, { headers: token === null ? {} : { authorization: token }, body });

beforeAll(async () => {
  // The v2 API never talks to Contentstack; an unreachable URL proves it.
  lytics = await startLyticsEmulator({
    port: 0,
    contentstackUrl: "http://127.0.0.1:9",
    rateLimitPerSecond: false,
  });
});
afterAll(async () => lytics.close());
beforeEach(async () => {
  await call(lytics.url, "POST", "/_emulator/reset");
});

describe("authorization header", () => {
  it.each([
    ["missing", null],
    ["unknown", "at.nope.nope"],
    ["Bearer-prefixed valid token", `Bearer ${WEB}`],
  ])("rejects a %s token with the /api-shaped 401", async (_label, token) => {
    const response = await v2("GET", "/v2/user", token);
    expect(response.status).toBe(401);
    expect(response.body).toEqual({ message: "Not authorized", status: 401 });
  });

  it("rejects an account_id the token does not reach", async () => {
    expect((await v2("GET", "/v2/user?account_id=ac000000000000000000000000001002")).status).toBe(
      401,
    );
    expect((await v2("GET", "/v2/user?account_id=ac000000000000000000000000001001")).status).toBe(
      200,
    );
  });
});

describe("GET /v2/user", () => {
  it("lists the account's users in the v2 envelope with authed2 added and per-account entries", async () => {
    const response = await v2("GET", "/v2/user");
    expect(response.status).toBe(200);
    expect(response.body.status).toBe(200);
    expect(typeof response.body.request_id).toBe("string");
    const emails = response.body.data.map((user: { email: string }) => user.email);
    expect(emails).toEqual(
      expect.arrayContaining([
        "olivia.owner@acme.test",
        "mia.member@acme.test",
        "lee.leaver@acme.test",
      ]),
    );
    expect(emails).not.toContain("max.member@acme.test");
    const mia = response.body.data.find(
      (user: { email: string }) => user.email === "mia.member@acme.test",
    );
    expect(Object.keys(mia).sort()).toEqual([
      "accounts",
      "created",
      "email",
      "id",
      "last_logon",
      "name",
      "updated",
    ]);
    expect(mia.accounts).toEqual([
      expect.objectContaining({
        aid: 1001,
        account_id: "ac000000000000000000000000001001",
        roles: ["observer", "authed2"],
        granted_by: expect.any(String),
      }),
    ]);
  });
});

describe("GET /v2/user/{id|email}", () => {
  it("finds a member by id and by URL-encoded email", async () => {
    expect((await v2("GET", "/v2/user/lu_mia")).body.data.email).toBe("mia.member@acme.test");
    const byEmail = await v2("GET", `/v2/user/${encodeURIComponent("mia.member@acme.test")}`);
    expect(byEmail.status).toBe(200);
    expect(byEmail.body.data.id).toBe("lu_mia");
  });

  it("answers 404 USER-NOTFOUND-023 for someone who exists only on another account", async () => {
    const response = await v2("GET", `/v2/user/${encodeURIComponent("max.member@acme.test")}`);
    expect(response.status).toBe(404);
    expect(response.body).toMatchObject({
      status: 404,
      errors: [{ code: "USER-NOTFOUND-023", level: "warn" }],
    });
    expect(typeof response.body.request_id).toBe("string");
    expect(typeof response.body.errors[0].timestamp).toBe("number");
  });

  it("answers 401 for `me` with an API token", async () => {
    expect((await v2("GET", "/v2/user/me")).status).toBe(401);
  });
});

describe("POST /v2/user", () => {
  it("answers 201 when the Lytics user is new", async () => {
    const response = await v2("POST", "/v2/user?suppress=true", WEB, {
      email: "new.person@acme.test",
      name: "New Person",
      roles: ["observer"],
    });
    expect(response.status).toBe(201);
    expect(response.body.status).toBe(201);
    expect(response.body.data.accounts).toEqual([
      expect.objectContaining({ aid: 1001, roles: ["observer", "authed2"] }),
    ]);
  });

  it("answers 200 when an existing Lytics user is added, listing the current account last", async () => {
    const response = await v2("POST", "/v2/user?suppress=true", WEB, {
      email: "max.member@acme.test",
      roles: ["marketer"],
    });
    expect(response.status).toBe(200);
    const accounts = response.body.data.accounts as Array<{ aid: number; roles: string[] }>;
    expect(accounts.map((account) => account.aid)).toEqual([1002, 1001]);
    expect(accounts.find((account) => account.aid === 1001)?.roles).toEqual([
      "marketer",
      "authed2",
    ]);
    expect(accounts.find((account) => account.aid === 1002)?.roles).toEqual(["admin", "authed2"]);
  });

  it("resets a member's roles, to the baseline only when roles are left out", async () => {
    expect(
      (
        await v2("POST", "/v2/user", WEB, {
          email: "mia.member@acme.test",
          roles: ["data_manager"],
        })
      ).status,
    ).toBe(200);
    expect((await v2("GET", "/v2/user/lu_mia")).body.data.accounts[0].roles).toEqual([
      "data_manager",
      "authed2",
    ]);
    await v2("POST", "/v2/user", WEB, { email: "mia.member@acme.test" });
    expect((await v2("GET", "/v2/user/lu_mia")).body.data.accounts[0].roles).toEqual(["authed2"]);
  });

  it("stores an unknown role slug as sent (Lytics does not validate slugs)", async () => {
    const response = await v2("POST", "/v2/user", WEB, {
      email: "typo@acme.test",
      roles: ["obsevrer"],
    });
    expect(response.status).toBe(201);
    expect(response.body.data.accounts[0].roles).toEqual(["obsevrer", "authed2"]);
  });

  it("answers 400 JSON-BADREQ-025 on a body that is not JSON", async () => {
    const response = await fetch(new URL("/v2/user", lytics.url), {
      method: "POST",
      headers: { authorization: WEB, "content-type": "application/json" },
      body: "{not json",
    });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { errors: Array<{ code: string }> }).errors[0]?.code).toBe(
      "JSON-BADREQ-025",
    );
  });

  it("answers 400 on a body without a valid email", async () => {
    const response = await v2("POST", "/v2/user", WEB, { name: "No Email" });
    expect(response.status).toBe(400);
    expect(response.body.errors[0].code).toBe("USER-BADREQ-024");
  });
});

describe("POST /v2/user/{id}/roles", () => {
  it("replaces all roles from a bare JSON array", async () => {
    const response = await v2("POST", "/v2/user/lu_olivia/roles", WEB, ["observer", "user_search"]);
    expect(response.status).toBe(200);
    expect(response.body.data.accounts[0].roles).toEqual(["observer", "user_search", "authed2"]);
  });

  it("replaces all roles from a {roles} body, addressed by email", async () => {
    const response = await v2(
      "POST",
      `/v2/user/${encodeURIComponent("mia.member@acme.test")}/roles`,
      WEB,
      { roles: ["marketer"] },
    );
    expect(response.status).toBe(200);
    expect(response.body.data.accounts[0].roles).toEqual(["marketer", "authed2"]);
  });

  it("answers 400 on an empty list and 404 for a non-member, never adding anyone", async () => {
    expect((await v2("POST", "/v2/user/lu_mia/roles", WEB, [])).status).toBe(400);
    const missing = await v2("POST", "/v2/user/lu2_max/roles", WEB, ["admin"]);
    expect(missing.status).toBe(404);
    expect(missing.body.errors[0].code).toBe("USER-NOTFOUND-023");
    const emails = (await v2("GET", "/v2/user")).body.data.map(
      (user: { email: string }) => user.email,
    );
    expect(emails).not.toContain("max.member@acme.test");
  });
});

describe("DELETE /v2/user/{id}", () => {
  it("answers 204, then the user is gone from this account only", async () => {
    await v2("POST", "/v2/user", WEB, { email: "max.member@acme.test", roles: ["observer"] });
    const removed = await v2("DELETE", `/v2/user/${encodeURIComponent("max.member@acme.test")}`);
    expect(removed.status).toBe(204);
    expect(removed.body).toBeUndefined();
    expect((await v2("GET", "/v2/user/lu2_max")).status).toBe(404);
    expect((await v2("GET", "/v2/user/lu2_max", CAMPAIGNS)).status).toBe(200);
  });

  it("answers 404 for a user not on the account", async () => {
    expect((await v2("DELETE", "/v2/user/lu2_max")).status).toBe(404);
  });
});

describe("GET /v2/account/{aid}", () => {
  it("leaves roles_available out unless roles=true", async () => {
    const plain = await v2("GET", "/v2/account/1001");
    expect(plain.status).toBe(200);
    expect(plain.body.data).toMatchObject({
      aid: 1001,
      account_id: "ac000000000000000000000000001001",
      name: "Acme Corporation",
    });
    expect(plain.body.data.roles_available).toBeUndefined();
  });

  it("lists roles_available as RolePolicy objects with roles=true", async () => {
    const response = await v2("GET", "/v2/account/1001?roles=true");
    const roles = response.body.data.roles_available as Array<Record<string, unknown>>;
    expect(roles.map((role) => role.slug)).toEqual([
      "admin",
      "segment_manager",
      "campaign_manager",
      "content_manager",
      "data_manager",
      "report_viewer",
      "experience_manager",
      "goal_manager",
      "marketer",
      "observer",
      "user_search",
      "authed2",
    ]);
    for (const role of roles) {
      expect(Object.keys(role).sort()).toEqual([
        "can_be_assigned",
        "can_be_shown",
        "description",
        "name",
        "permissions",
        "slug",
        "type",
      ]);
    }
    expect(roles.find((role) => role.slug === "authed2")?.can_be_assigned).toBe(false);
    expect(roles.find((role) => role.slug === "segment_manager")?.name).toBe("Audience Manager");
  });

  it("answers 404 ACCOUNT-NOTFOUND-021 for an account the token does not reach", async () => {
    const response = await v2("GET", "/v2/account/1002?roles=true");
    expect(response.status).toBe(404);
    expect(response.body.errors[0].code).toBe("ACCOUNT-NOTFOUND-021");
  });
});

it("answers an unknown v2 route with a v2-shaped 404", async () => {
  const response = await v2("GET", "/v2/nothing-here");
  expect(response.status).toBe(404);
  expect(response.body.errors[0].code).toBe("NOTFOUND-003");
});
