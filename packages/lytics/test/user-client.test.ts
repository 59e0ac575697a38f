// The v2 user API client against the Lytics emulator: every call, its documented outcomes, and
// the role-slug guard that keeps unknown slugs off the wire.
import { useFreshEmulator } from "@lytics-access/emulators/testing";
import { describe, expect, it } from "vitest";

import { AuthError, NotFoundError, UnknownRoleSlugError } from "../src/index";
import {
  ACME_CAMPAIGNS,
  ACME_WEB,
  control,
  countOf,
  setRolesAvailable,
  startLytics,
  userClient,
  type Emulator,
} from "./support/emulator";

let emulator: Emulator;
useFreshEmulator(startLytics, (started) => (emulator = started));

describe("reading users", () => {
  it("lists the account's users with their roles on this account, without authed2", async () => {
    const users = await userClient(emulator.url).listUsers();
    expect(users.map((user) => user.email).sort()).toEqual([
      "adam.admin@acme.test",
      "gus.guest@partner.test",
      "lee.leaver@acme.test",
      "mia.member@acme.test",
      "olivia.owner@acme.test",
    ]);
    const lee = users.find((user) => user.id === "lu_lee");
    expect(lee).toMatchObject({ roles: ["data_manager"], onAccount: true, name: "Lee Leaver" });
    expect(users.every((user) => !user.roles.includes("authed2"))).toBe(true);
  });

  it("reads roles from the entry of this account, not the first entry", async () => {
    // Mia is an observer on acme_web; adding her to acme_campaigns gives her a second entry.
    await userClient(emulator.url, ACME_CAMPAIGNS).inviteUser({
      email: "mia.member@acme.test",
      name: "Mia Member",
      roles: ["marketer", "data_manager"],
    });
    const onWeb = await userClient(emulator.url, ACME_WEB).getUser("mia.member@acme.test");
    const onCampaigns = await userClient(emulator.url, ACME_CAMPAIGNS).getUser(
      "mia.member@acme.test",
    );
    expect(onWeb?.roles).toEqual(["observer"]);
    expect(onCampaigns?.roles.sort()).toEqual(["data_manager", "marketer"]);
  });

  it("gets a user by id or by email, and answers null when not on this account", async () => {
    const client = userClient(emulator.url);
    expect((await client.getUser("lu_adam"))?.email).toBe("adam.admin@acme.test");
    expect((await client.getUser("adam.admin@acme.test"))?.id).toBe("lu_adam");
    // Max exists in Lytics, but on acme_campaigns only.
    expect(await client.getUser("max.member@acme.test")).toBeNull();
    expect(await client.getUser("nobody@acme.test")).toBeNull();
  });

  it("reads the account's roles_available", async () => {
    const roles = await userClient(emulator.url).getRolesAvailable();
    const assignable = roles?.filter((role) => role.canBeAssigned).map((role) => role.slug);
    expect(assignable).toHaveLength(11);
    expect(assignable).toContain("segment_manager");
    expect(roles?.find((role) => role.slug === "authed2")?.canBeAssigned).toBe(false);
  });

  it("sends account_id when given", async () => {
    const users = await userClient(emulator.url, ACME_WEB, {
      accountId: ACME_WEB.accountId,
    }).listUsers();
    expect(users).toHaveLength(5);
  });
});

describe("writing users", () => {
  it("invites a new person (created) and an existing Lytics user (added)", async () => {
    const client = userClient(emulator.url);
    const fresh = await client.inviteUser({
      email: "new.person@acme.test",
      name: "New Person",
      roles: ["observer"],
    });
    expect(fresh.created).toBe(true);
    expect(fresh.user).toMatchObject({
      email: "new.person@acme.test",
      roles: ["observer"],
      onAccount: true,
    });

    const existing = await client.inviteUser({
      email: "max.member@acme.test",
      name: "Max Member",
      roles: ["marketer"],
    });
    expect(existing.created).toBe(false);
    expect(existing.user.roles).toEqual(["marketer"]);
    expect((await client.getUser("max.member@acme.test"))?.roles).toEqual(["marketer"]);
  });

  it("replaces all roles of a member, and refuses to add a non-member", async () => {
    const client = userClient(emulator.url);
    const updated = await client.replaceRoles("lu_mia", ["segment_manager", "data_manager"]);
    expect(updated.roles.sort()).toEqual(["data_manager", "segment_manager"]);
    expect((await client.getUser("lu_mia"))?.roles.sort()).toEqual([
      "data_manager",
      "segment_manager",
    ]);

    const error = await client
      .replaceRoles("max.member@acme.test", ["observer"])
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error).toMatchObject({ status: 404, api: "lytics-v2", route: "/v2/user/:id/roles" });
    expect((error as NotFoundError).apiCode).toMatch(/NOTFOUND/);
    expect((error as NotFoundError).requestId).toBeTruthy();
  });

  it("removes a user, and reports a second removal as absent instead of failing", async () => {
    const client = userClient(emulator.url);
    expect(await client.removeUser("lu_lee")).toBe("removed");
    expect(await client.getUser("lu_lee")).toBeNull();
    expect(await client.removeUser("lu_lee")).toBe("absent");
    expect(await countOf(emulator.url, "DELETE /v2/user/:id")).toBe(2);
  });

  it("refuses an empty role list before sending (use removeUser instead)", async () => {
    const client = userClient(emulator.url);
    await expect(client.replaceRoles("lu_mia", [])).rejects.toMatchObject({
      code: "LYTICS_INVALID_INPUT",
    });
    await expect(
      client.inviteUser({ email: "not-an-email", roles: ["admin"] }),
    ).rejects.toMatchObject({
      code: "LYTICS_INVALID_INPUT",
    });
    expect(await countOf(emulator.url, "POST /v2/user/:id/roles")).toBe(0);
    expect(await countOf(emulator.url, "POST /v2/user")).toBe(0);
  });
});

describe("role slugs are checked against roles_available before any write", () => {
  it("never sends an unknown slug, a typo, or authed2", async () => {
    const client = userClient(emulator.url);
    for (const roles of [["admin", "obsrever"], ["authed2"], ["v2_segment_view"]]) {
      await expect(client.replaceRoles("lu_mia", roles)).rejects.toBeInstanceOf(
        UnknownRoleSlugError,
      );
      await expect(client.inviteUser({ email: "x@acme.test", roles })).rejects.toBeInstanceOf(
        UnknownRoleSlugError,
      );
    }
    expect(await countOf(emulator.url, "POST /v2/user/:id/roles")).toBe(0);
    expect(await countOf(emulator.url, "POST /v2/user")).toBe(0);
    expect((await client.getUser("lu_mia"))?.roles).toEqual(["observer"]);
  });

  it("follows the account's own list over the catalogue", async () => {
    await setRolesAvailable(emulator.url, ACME_WEB.aid, ["admin", "observer", "v2_segment_view"]);
    const client = userClient(emulator.url);
    await expect(client.replaceRoles("lu_mia", ["marketer"])).rejects.toMatchObject({
      code: "LYTICS_UNKNOWN_ROLE_SLUG",
      unknownSlugs: ["marketer"],
      source: "roles-available",
    });
    expect(await countOf(emulator.url, "POST /v2/user/:id/roles")).toBe(0);
    expect((await client.replaceRoles("lu_mia", ["v2_segment_view"])).roles).toEqual([
      "v2_segment_view",
    ]);
  });

  it("reads the list once for many writes, and again before refusing a slug the cache lacks", async () => {
    const client = userClient(emulator.url);
    await client.replaceRoles("lu_mia", ["observer"]);
    await client.replaceRoles("lu_gus", ["observer"]);
    expect(await countOf(emulator.url, "GET /v2/account/:aid")).toBe(1);

    await setRolesAvailable(emulator.url, ACME_WEB.aid, ["observer", "brand_new_role"]);
    expect((await client.replaceRoles("lu_mia", ["brand_new_role"])).roles).toEqual([
      "brand_new_role",
    ]);
    expect(await countOf(emulator.url, "GET /v2/account/:aid")).toBe(2);
  });
});

describe("drift made inside Lytics", () => {
  it("is seen on the next read and put back by a roles replace", async () => {
    await control(emulator.url, "PUT", `/lytics/accounts/${ACME_WEB.aid}/users/lu_mia/roles`, {
      roles: ["admin"],
    });
    const client = userClient(emulator.url);
    expect((await client.getUser("lu_mia"))?.roles).toEqual(["admin"]);
    expect((await client.replaceRoles("lu_mia", ["observer"])).roles).toEqual(["observer"]);
    expect((await client.getUser("lu_mia"))?.roles).toEqual(["observer"]);
  });
});

describe("credentials", () => {
  it("a rejected token is an AuthError, not retried", async () => {
    const client = userClient(emulator.url, { ...ACME_WEB, token: "at.wrong" });
    await expect(client.listUsers()).rejects.toMatchObject({
      code: "UNAUTHORIZED",
      status: 401,
    });
    await expect(client.listUsers()).rejects.toBeInstanceOf(AuthError);
    expect(await countOf(emulator.url, "GET /v2/user")).toBe(2);
  });

  it("refuses bad options before any call", () => {
    expect(() => userClient(emulator.url, { ...ACME_WEB, token: "" })).toThrow(
      /apiToken is required/,
    );
    expect(() => userClient(emulator.url, { ...ACME_WEB, aid: -1 })).toThrow(/aid/);
    expect(() => userClient(emulator.url, ACME_WEB, { timeoutMs: 0 })).toThrow(/timeoutMs/);
    expect(() => userClient("api.lytics.io", ACME_WEB)).toThrow(/baseUrl/);
  });
});
