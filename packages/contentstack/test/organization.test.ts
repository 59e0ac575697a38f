// Every organization call against the Contentstack emulator, with the credentials and roles the
// real service checks.
import { useFreshEmulator } from "@lytics-access/emulators/testing";
import { describe, expect, it } from "vitest";
import { AuthError, ForbiddenError, NotFoundError } from "../src/index";
import {
  authtokenFor,
  calls,
  clientFor,
  control,
  ORG,
  type Emulator,
  startEmulator,
} from "./support/emulator";

let emulator: Emulator;
useFreshEmulator(startEmulator, (started) => (emulator = started));

describe("organization reads", () => {
  it("reads the signed-in user with their organizations", async () => {
    const client = await clientFor(emulator);
    const user = await client.getUser();
    expect(user).toMatchObject({
      uid: "blt_user_olivia",
      email: "olivia.owner@acme.test",
      name: "Olivia Owner",
    });
    expect(user.organizations).toContainEqual(
      expect.objectContaining({ uid: ORG, name: "Acme Corporation", isOwner: true }),
    );
  });

  it("reads the organization with its owner and plan limits", async () => {
    const client = await clientFor(emulator);
    expect(await client.getOrganization({ includePlan: true })).toEqual({
      uid: ORG,
      name: "Acme Corporation",
      ownerUid: "blt_user_olivia",
      enabled: true,
      rateLimits: { getLimit: 10, limit: 10, bulkLimit: 1 },
    });
  });

  it("lists the fixed organization roles", async () => {
    const roles = await (await clientFor(emulator)).listOrgRoles();
    expect(roles.map((role) => [role.name, role.isAdmin])).toEqual([
      ["Admin", true],
      ["Member", false],
    ]);
  });

  it("lists members as one typed model with resolved roles", async () => {
    const members = await (await clientFor(emulator)).listMembers();
    const byEmail = Object.fromEntries(members.map((member) => [member.email, member]));
    expect(members).toHaveLength(8);
    expect(byEmail["olivia.owner@acme.test"]).toMatchObject({
      role: "owner",
      userUid: "blt_user_olivia",
      status: "accepted",
    });
    expect(byEmail["adam.admin@acme.test"]?.role).toBe("admin");
    expect(byEmail["ada.admin@acme.test"]?.role).toBe("admin");
    expect(["mia", "max", "mona"].map((name) => byEmail[`${name}.member@acme.test`]?.role)).toEqual(
      ["member", "member", "member"],
    );
    expect(byEmail["gus.guest@partner.test"]?.role).toBe("guest");
    expect(byEmail["pam.pending@acme.test"]).toMatchObject({
      role: "pending",
      userUid: null,
      status: "pending",
    });
  });

  it("goes through the Management SDK for the documented reads", async () => {
    await control(emulator, "DELETE", "/calls");
    await (await clientFor(emulator)).listMembers();
    const { counts } = await calls(emulator);
    expect(counts["GET /v3/organizations/:org_uid"]).toBe(1);
    expect(counts["GET /v3/organizations/:org_uid/roles"]).toBe(1);
    expect(counts["GET /v3/organizations/:org_uid/share"]).toBe(1);
  });

  it("searches members by email, leaving unknown emails out", async () => {
    const client = await clientFor(emulator);
    const found = await client.searchMembersByEmail([
      "MIA.member@acme.test",
      "nobody@acme.test",
      "gus.guest@partner.test",
    ]);
    expect(found.map((member) => [member.email, member.role]).sort()).toEqual([
      ["gus.guest@partner.test", "guest"],
      ["mia.member@acme.test", "member"],
    ]);
    expect(await client.searchMembersByEmail([])).toEqual([]);
  });
});

describe("organization writes", () => {
  it("invites a member, who is pending until they accept", async () => {
    const client = await clientFor(emulator);
    const invited = await client.inviteMembers([{ email: "nina.new@acme.test", role: "admin" }], {
      message: "Welcome",
    });
    expect(invited).toEqual([
      expect.objectContaining({
        email: "nina.new@acme.test",
        role: "pending",
        roleUids: ["blt_role_acme_admin"],
      }),
    ]);
    const members = await client.listMembers();
    expect(members.find((member) => member.email === "nina.new@acme.test")?.role).toBe("pending");
  });

  it("refuses malformed invitations before any request", async () => {
    const client = await clientFor(emulator);
    await control(emulator, "DELETE", "/calls");
    await expect(client.inviteMembers([{ email: "not-an-email", role: "member" }])).rejects.toThrow(
      /email/,
    );
    expect((await calls(emulator)).calls).toHaveLength(0);
  });

  it("removes members, and removing them again changes nothing", async () => {
    const client = await clientFor(emulator);
    await client.removeMembers(["max.member@acme.test"]);
    const members = await client.listMembers();
    expect(members.map((member) => member.email)).not.toContain("max.member@acme.test");
    expect(members).toHaveLength(7);
  });

  it("reads the audit log newest first, optionally since an instant", async () => {
    const client = await clientFor(emulator);
    await client.inviteMembers([{ email: "first@acme.test", role: "member" }]);
    await new Promise((resolve) => setTimeout(resolve, 20));
    const between = new Date();
    await new Promise((resolve) => setTimeout(resolve, 20));
    await client.removeMembers(["mia.member@acme.test"]);
    const log = await client.listAuditLog();
    expect(log.slice(0, 2).map((entry) => [entry.eventType, entry.email])).toEqual([
      ["unshare", "mia.member@acme.test"],
      ["share", "first@acme.test"],
    ]);
    for (let index = 1; index < log.length; index++) {
      expect(log[index - 1]?.createdAt.getTime()).toBeGreaterThanOrEqual(
        log[index]?.createdAt.getTime() ?? 0,
      );
    }
    const recent = await client.listAuditLog({ since: between });
    expect(recent.map((entry) => entry.email)).toEqual(["mia.member@acme.test"]);
  });
});

describe("typed errors", () => {
  it("a Member may not list organization users: ForbiddenError with the API's details", async () => {
    const client = await clientFor(emulator, {
      credentials: { kind: "authtoken", authtoken: await authtokenFor(emulator, "blt_user_mia") },
    });
    const error = await client.listMembers().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ForbiddenError);
    expect(error).toMatchObject({ code: "FORBIDDEN", status: 403, apiErrorCode: 161 });
    expect((error as Error).message).toMatch(/HTTP 403/);
  });

  it("an unknown authtoken is an AuthError (105), never retried", async () => {
    await control(emulator, "DELETE", "/calls");
    const client = await clientFor(emulator, {
      credentials: { kind: "authtoken", authtoken: "blt_not_a_session" },
    });
    await expect(client.getOrganization()).rejects.toMatchObject({
      code: "AUTH_FAILED",
      status: 401,
      apiErrorCode: 105,
    });
    await expect(client.getOrganization()).rejects.toBeInstanceOf(AuthError);
    expect((await calls(emulator)).calls).toHaveLength(2);
  });

  it("an unknown organization is a NotFoundError", async () => {
    const client = await clientFor(emulator, { organizationUid: "blt_org_nowhere" });
    await expect(client.getOrganization()).rejects.toBeInstanceOf(NotFoundError);
  });
});
