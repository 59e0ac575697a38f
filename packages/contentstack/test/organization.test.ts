// Every organization call against the Contentstack emulator, with the credentials and roles the
// real service checks.
import { useFreshEmulator } from "@lytics-access/emulators/testing";
import { describe, expect, it } from "vitest";
import { AuthError, ForbiddenError, membershipChangesFrom, NotFoundError } from "../src/index";
import type { MemberRoleContext } from "../src/index";
import {
  authtokenFor,
  calls,
  clientFor,
  control,
  ORG,
  OWNER,
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

  it("reads only the member pages with a role context the caller holds, and says what it read", async () => {
    const client = await clientFor(emulator);
    let held: MemberRoleContext | undefined;
    const first = await client.listMembers({ onRoleContext: (read) => (held = read) });
    expect(held?.organization.ownerUid).toBe(OWNER);
    await control(emulator, "DELETE", "/calls");
    let readAgain = false;
    const second = await client.listMembers({
      roleContext: held,
      onRoleContext: () => (readAgain = true),
    });
    expect(second).toEqual(first);
    expect(readAgain).toBe(false);
    const { counts } = await calls(emulator);
    expect(counts["GET /v3/organizations/:org_uid"]).toBeUndefined();
    expect(counts["GET /v3/organizations/:org_uid/roles"]).toBeUndefined();
    expect(counts["GET /v3/organizations/:org_uid/share"]).toBe(1);
  });

  it("reads the roles and owner again when the held ones do not explain the listing", async () => {
    const client = await clientFor(emulator);
    const fresh = await client.listMembers();
    const organization = await client.getOrganization();
    const roles = await client.listOrgRoles();
    // Held before the Admin role existed, and with someone else as Owner.
    const stale: MemberRoleContext = {
      organization: { ...organization, ownerUid: "blt_user_somebody_gone" },
      roles: roles.filter((role) => !role.isAdmin),
    };
    let reread: MemberRoleContext | undefined;
    const members = await client.listMembers({
      roleContext: stale,
      onRoleContext: (read) => (reread = read),
    });
    expect(members).toEqual(fresh);
    expect(reread?.organization.ownerUid).toBe(OWNER);
    expect(reread?.roles.some((role) => role.isAdmin)).toBe(true);
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

  it("removes members and returns the removed shares from the documented answer", async () => {
    const client = await clientFor(emulator);
    const answer = await client.removeMembers(["max.member@acme.test", "PAM.pending@acme.test"]);
    expect(answer).toEqual({
      notice: "The invitation has been deleted successfully.",
      removed: [
        expect.objectContaining({
          email: "max.member@acme.test",
          userUid: "blt_user_max",
          roleUids: ["blt_role_acme_member"],
          status: "accepted",
        }),
        expect.objectContaining({
          email: "pam.pending@acme.test",
          userUid: null,
          status: "pending",
        }),
      ],
    });
    const members = await client.listMembers();
    expect(members.map((member) => member.email)).not.toContain("max.member@acme.test");
    expect(members).toHaveLength(6);
  });

  it("lists members in the documented sort orders", async () => {
    const client = await clientFor(emulator);
    await control(emulator, "PUT", `/organizations/${ORG}/members/mona.member@acme.test/roles`, {
      org_roles: ["blt_role_acme_admin"],
    });
    const byUpdate = await client.listMembers({ sort: { field: "updated_at", direction: "desc" } });
    expect(byUpdate[0]?.email).toBe("mona.member@acme.test");
    const byEmail = await client.listMembers({ sort: { field: "email", direction: "asc" } });
    expect(byEmail.map((member) => member.email)).toEqual(
      [...byEmail.map((member) => member.email)].sort(),
    );
  });

  it("lists the caller's organizations", async () => {
    const adam = await clientFor(emulator, {
      credentials: { kind: "authtoken", authtoken: await authtokenFor(emulator, "blt_user_adam") },
    });
    const organizations = await adam.listOrganizations();
    expect(organizations.map((org) => [org.uid, org.isOwner])).toEqual([
      [ORG, false],
      ["blt_org_globex", false],
    ]);
    const owner = await (await clientFor(emulator)).listOrganizations();
    expect(owner).toEqual([
      expect.objectContaining({ uid: ORG, name: "Acme Corporation", isOwner: true }),
    ]);
  });

  it("resends a pending invitation once, and transfers ownership", async () => {
    const client = await clientFor(emulator);
    const pending = (await client.listMembers()).find((member) => member.status === "pending");
    await control(emulator, "DELETE", "/calls");
    expect(await client.resendInvitation(pending?.shareUid ?? "")).toEqual({
      notice: "The invitation has been resent successfully.",
    });
    expect((await calls(emulator)).calls.map((call) => call.key)).toEqual([
      "GET /v3/organizations/:org_uid/share/:share_uid/resend_invitation",
    ]);
    const transferred = await client.transferOwnership("adam.admin@acme.test");
    expect(transferred.notice).toEqual(expect.any(String));
    expect((await client.getOrganization()).ownerUid).toBe("blt_user_adam");
    await expect(client.transferOwnership("adam.admin@acme.test")).rejects.toMatchObject({
      status: 403,
    });
  });

  it("reads the documented audit log items newest first, from a cursor or an instant", async () => {
    const client = await clientFor(emulator);
    await client.inviteMembers([{ email: "first@acme.test", role: "member" }]);
    const [newest] = await client.listAuditLog({ maxEntries: 1 });
    // Audit timestamps come from the emulator's clock: move it on instead of waiting for time to pass.
    const advance = (ms: number) =>
      control(emulator, "POST", "/clock", { advanceMs: ms }) as Promise<{ now: number }>;
    const between = new Date((await advance(1000)).now);
    await advance(1000);
    await client.removeMembers(["mia.member@acme.test"]);
    const log = await client.listAuditLog();
    expect(log.map((entry) => entry.eventType)).toEqual(["unshare", "share"]);
    expect(log[0]).toMatchObject({
      orgUid: ORG,
      module: "user",
      createdBy: "blt_user_olivia",
      requestId: expect.any(String),
      remoteAddr: expect.any(String),
      request: { emails: ["mia.member@acme.test"] },
    });
    expect(log[0]?.createdAt?.getTime()).toBeGreaterThanOrEqual(log[1]?.createdAt?.getTime() ?? 0);
    const recent = await client.listAuditLog({ since: between });
    expect(recent.map((entry) => entry.eventType)).toEqual(["unshare"]);
    const afterCursor = await client.listAuditLog({ afterUid: newest?.uid });
    expect(afterCursor.map((entry) => entry.uid)).toEqual([log[0]?.uid]);
    expect(membershipChangesFrom(log)).toEqual([
      expect.objectContaining({ kind: "invited", email: "first@acme.test", userUid: null }),
      expect.objectContaining({
        kind: "removed",
        email: "mia.member@acme.test",
        userUid: "blt_user_mia",
        rolesBefore: ["blt_role_acme_member"],
      }),
    ]);
  });

  it("reads every page of a long log and turns every emulator membership change into a typed change", async () => {
    const client = await clientFor(emulator, { pageSize: 25 });
    for (let index = 0; index < 30; index++) {
      await control(emulator, "POST", `/organizations/${ORG}/members`, {
        email: `bulk${index}@acme.test`,
        org_roles: ["blt_role_acme_member"],
        status: "pending",
      });
    }
    await control(emulator, "POST", `/organizations/${ORG}/members/bulk0@acme.test/accept`);
    await control(emulator, "PUT", `/organizations/${ORG}/members/mia.member@acme.test/roles`, {
      org_roles: ["blt_role_acme_admin"],
    });
    await control(emulator, "POST", `/organizations/${ORG}/members`, {
      email: "gina.owner@globex.test",
      org_roles: ["blt_role_acme_member"],
    });
    await control(emulator, "DELETE", `/organizations/${ORG}/members/max.member@acme.test`);
    await control(emulator, "POST", `/organizations/${ORG}/transfer-ownership`, {
      transfer_to: "adam.admin@acme.test",
    });
    const log = await client.listAuditLog();
    expect(log).toHaveLength(35);
    const changes = membershipChangesFrom(log);
    expect(changes.filter((change) => change.kind === "invited")).toHaveLength(30);
    expect(changes.slice(30)).toEqual([
      expect.objectContaining({
        kind: "joined",
        email: "bulk0@acme.test",
        userUid: expect.any(String),
        rolesAfter: ["blt_role_acme_member"],
      }),
      expect.objectContaining({
        kind: "roles-changed",
        email: "mia.member@acme.test",
        userUid: "blt_user_mia",
        rolesBefore: ["blt_role_acme_member"],
        rolesAfter: ["blt_role_acme_admin"],
      }),
      expect.objectContaining({
        kind: "joined",
        email: "gina.owner@globex.test",
        userUid: "blt_user_gina",
      }),
      expect.objectContaining({
        kind: "removed",
        email: "max.member@acme.test",
        userUid: "blt_user_max",
      }),
      expect.objectContaining({
        kind: "ownership-transferred",
        email: "adam.admin@acme.test",
        userUid: "blt_user_adam",
        previousOwnerUid: "blt_user_olivia",
      }),
    ]);
  });
});

describe("typed errors", () => {
  it("a Member may not list organization users: ForbiddenError with the API's details", async () => {
    const client = await clientFor(emulator, {
      credentials: { kind: "authtoken", authtoken: await authtokenFor(emulator, "blt_user_mia") },
    });
    const error = await client.listMembers().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ForbiddenError);
    expect(error).toMatchObject({ code: "FORBIDDEN", status: 403, apiCode: 161 });
    expect((error as Error).message).toMatch(/HTTP 403/);
  });

  it("an unknown authtoken is an AuthError (105), never retried", async () => {
    await control(emulator, "DELETE", "/calls");
    const client = await clientFor(emulator, {
      credentials: { kind: "authtoken", authtoken: "blt_not_a_session" },
    });
    await expect(client.getOrganization()).rejects.toMatchObject({
      code: "UNAUTHORIZED",
      status: 401,
      apiCode: 105,
    });
    await expect(client.getOrganization()).rejects.toBeInstanceOf(AuthError);
    expect((await calls(emulator)).calls).toHaveLength(2);
  });

  it("an unknown organization is a NotFoundError", async () => {
    const client = await clientFor(emulator, { organizationUid: "blt_org_nowhere" });
    await expect(client.getOrganization()).rejects.toBeInstanceOf(NotFoundError);
  });
});
