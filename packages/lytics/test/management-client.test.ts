// The Management API client against the Lytics emulator (with the Contentstack emulator behind it
// for caller identity): every call, the seed 002 refusals, and the role-slug guard.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";

import {
  AuthError,
  BadRequestError,
  ConflictError,
  ForbiddenError,
  InsecureUrlError,
  UnknownRoleSlugError,
  type LyticsManagementClient,
} from "../src/index";
import {
  ACME_ORG,
  managementClient,
  mintAuthtoken,
  PEOPLE,
  startPair,
  type EmulatorPair,
} from "./support/contentstack";
import {
  ACME_CAMPAIGNS,
  ACME_WEB,
  callLog,
  countOf,
  resetEmulator,
  setRolesAvailable,
  userClient,
} from "./support/emulator";

let pair: EmulatorPair;
let owner: LyticsManagementClient;
const asPerson = async (userUid: string) =>
  managementClient(pair.lytics.url, {
    authtoken: await mintAuthtoken(pair.contentstack.url, userUid),
  });

beforeAll(async () => {
  pair = await startPair();
});
afterAll(() => pair.close());
beforeEach(async () => {
  await resetEmulator(pair.lytics.url);
  owner = await asPerson(PEOPLE.owner);
});

describe("projects", () => {
  it("lists the organization's projects (a bare array live) with their connections and Lytics accounts", async () => {
    const projects = await owner.listProjects();
    expect(projects.map((project) => project.uid).sort()).toEqual([
      ACME_WEB.projectUid,
      ACME_CAMPAIGNS.projectUid,
    ]);
    const web = projects.find((project) => project.uid === ACME_WEB.projectUid);
    expect(web).toEqual({
      uid: ACME_WEB.projectUid,
      name: "Acme Corporation",
      domain: "acme.test",
      description: "Acme's main website",
      organizationUid: ACME_ORG,
      connections: {
        stackApiKeys: ["blt5d4c3b2a1f0e9d8c"],
        launchProjectUids: [],
        personalizeProjectUids: [],
      },
      cdp: {
        aid: ACME_WEB.aid,
        orgId: expect.stringMatching(/^[0-9a-f]{32}$/),
        accountId: ACME_WEB.accountId,
        status: "active",
        syncedAt: "2026-01-10T09:30:00.000Z",
      },
    });
  });

  it("gets one project, and null for a project that does not exist", async () => {
    expect((await owner.getProject(ACME_WEB.projectUid))?.domain).toBe("acme.test");
    expect(await owner.getProject("000000000000000000000000")).toBeNull();
  });

  it("creates, updates and deletes a project; a second delete is reported absent", async () => {
    const created = await owner.createProject({
      name: "Acme Labs",
      domain: "labs.acme.test",
      description: "Experiments",
      connections: { stackApiKeys: ["blt_stack_labs"] },
    });
    expect(created).toMatchObject({
      name: "Acme Labs",
      organizationUid: ACME_ORG,
      connections: {
        stackApiKeys: ["blt_stack_labs"],
        launchProjectUids: [],
        personalizeProjectUids: [],
      },
      cdp: { aid: expect.any(Number), status: "active" },
    });
    // The creator owns it: they are its owner among the collaborators.
    expect((await owner.listCollaborators(created.uid)).find((c) => c.isOwner)?.userUid).toBe(
      PEOPLE.owner,
    );

    const updated = await owner.updateProject(created.uid, {
      name: "Acme Labs 2",
      connections: { launchProjectUids: ["launch_labs"] },
    });
    expect(updated).toMatchObject({
      uid: created.uid,
      name: "Acme Labs 2",
      domain: "labs.acme.test",
      connections: { stackApiKeys: ["blt_stack_labs"], launchProjectUids: ["launch_labs"] },
    });
    expect((await owner.getProject(created.uid))?.name).toBe("Acme Labs 2");
    // One field alone, as the web app sends a connection change: the service checks a PUT as a
    // whole project, so the client fills in the rest from the project as it is.
    const described = await owner.updateProject(created.uid, { description: "Labs" });
    expect(described).toMatchObject({
      name: "Acme Labs 2",
      domain: "labs.acme.test",
      description: "Labs",
      connections: { stackApiKeys: ["blt_stack_labs"], launchProjectUids: ["launch_labs"] },
    });

    expect(await owner.deleteProject(created.uid)).toBe("deleted");
    expect(await owner.getProject(created.uid)).toBeNull();
    expect(await owner.deleteProject(created.uid)).toBe("absent");
  });

  it("reports the project quota as a ForbiddenError with the service's code, sent once", async () => {
    await owner.createProject({ name: "Third", domain: "third.acme.test" });
    const error = await owner
      .createProject({ name: "Fourth", domain: "fourth.acme.test" })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ForbiddenError);
    expect(error).toMatchObject({
      status: 403,
      apiCode: "lytics.PROJECTS.MAX_PROJECT_LIMIT_REACHED",
      api: "lytics-management",
    });
    expect(await countOf(pair.lytics.url, "POST /projects")).toBe(2);
  });

  it("surfaces the service's validation as a BadRequestError with each field's live code", async () => {
    const tooLong = await owner
      .createProject({ name: "x".repeat(201), domain: "long.acme.test" })
      .catch((caught: unknown) => caught);
    expect(tooLong).toBeInstanceOf(BadRequestError);
    const longError = tooLong as BadRequestError;
    expect(longError.status).toBe(400);
    expect(longError.fieldErrors?.name?.[0]).toMatchObject({
      code: "lytics.PROJECTS.MAX_CHAR_LIMIT",
      maxCharacters: 200,
    });

    const duplicate = await owner
      .createProject({
        name: "acme corporation",
        domain: "dup.acme.test",
        connections: { stackApiKeys: ["blt5d4c3b2a1f0e9d8c"] },
      })
      .catch((caught: unknown) => caught);
    expect(duplicate).toBeInstanceOf(BadRequestError);
    const fieldErrors = (duplicate as BadRequestError).fieldErrors;
    expect(fieldErrors?.name?.[0]?.code).toBe("lytics.PROJECTS.DUPLICATE_PROJECT_NAME");
    expect(fieldErrors?.["connections.stackApiKeys"]?.[0]?.code).toBe(
      "lytics.PROJECTS.DUPLICATE_CONNECTION",
    );
    // Refused, so never repeated.
    expect(await countOf(pair.lytics.url, "POST /projects")).toBe(2);

    const renamed = await owner
      .updateProject(ACME_CAMPAIGNS.projectUid, { name: "Acme Corporation" })
      .catch((caught: unknown) => caught);
    expect((renamed as BadRequestError).fieldErrors?.name?.[0]?.code).toBe(
      "lytics.PROJECTS.DUPLICATE_PROJECT_NAME",
    );
  });

  it("reports another organization's project as absent", async () => {
    // Adam is an Admin of Acme and a Member of Globex: asked under Globex, Acme's project is "not found".
    const globex = managementClient(
      pair.lytics.url,
      { authtoken: await mintAuthtoken(pair.contentstack.url, PEOPLE.admin) },
      { organizationUid: "blt_org_globex" },
    );
    expect(await globex.getProject(ACME_WEB.projectUid)).toBeNull();
    expect(await globex.deleteProject(ACME_WEB.projectUid)).toBe("absent");
  });

  it("shows a member only the projects they are on", async () => {
    const mia = await asPerson(PEOPLE.member);
    expect((await mia.listProjects()).map((project) => project.uid)).toEqual([ACME_WEB.projectUid]);
  });
});

describe("collaborators", () => {
  it("lists a project's people with roles (no authed2) and marks the owner", async () => {
    const collaborators = await owner.listCollaborators(ACME_WEB.projectUid);
    expect(collaborators.map((person) => person.email).sort()).toEqual([
      "adam.admin@acme.test",
      "gus.guest@partner.test",
      "lee.leaver@acme.test",
      "mia.member@acme.test",
      "olivia.owner@acme.test",
    ]);
    expect(collaborators.find((person) => person.userUid === PEOPLE.admin)).toMatchObject({
      isOwner: true,
      roles: ["admin"],
    });
    expect(collaborators.find((person) => person.userUid === PEOPLE.member)).toMatchObject({
      isOwner: false,
      roles: ["observer"],
    });
  });

  it("lists the roles collaborators can be given", async () => {
    const roles = await owner.listAssignableRoles(ACME_WEB.projectUid);
    expect(roles.map((role) => role.slug)).toHaveLength(11);
    expect(roles.map((role) => role.slug)).not.toContain("authed2");
  });

  it("invites, changes roles and removes; each change shows in the account's v2 users", async () => {
    const invited = await owner.inviteCollaborators(ACME_WEB.projectUid, {
      emails: ["max.member@acme.test"],
      roles: ["segment_manager"],
      message: "Welcome",
    });
    expect(invited).toHaveLength(1);
    expect(invited[0]).toMatchObject({ email: "max.member@acme.test", roles: ["segment_manager"] });
    const users = userClient(pair.lytics.url, ACME_WEB);
    expect((await users.getUser("max.member@acme.test"))?.roles).toEqual(["segment_manager"]);

    const changed = await owner.updateCollaboratorRoles(ACME_WEB.projectUid, PEOPLE.member, [
      "marketer",
      "observer",
    ]);
    expect(changed.roles.sort()).toEqual(["marketer", "observer"]);
    expect((await users.getUser("lu_mia"))?.roles.sort()).toEqual(["marketer", "observer"]);

    expect(await owner.removeCollaborator(ACME_WEB.projectUid, "blt_user_lee")).toBe("removed");
    expect(await users.getUser("lu_lee")).toBeNull();
    expect(await owner.removeCollaborator(ACME_WEB.projectUid, "blt_user_lee")).toBe("absent");
  });

  it("refuses to remove the last admin of a project with a ConflictError", async () => {
    // Max owns acme_campaigns and is its only admin.
    const error = await owner
      .removeCollaborator(ACME_CAMPAIGNS.projectUid, PEOPLE.otherMember)
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ConflictError);
    expect((error as ConflictError).apiCode).toMatch(/^lytics\.COLLABORATORS\./);
    expect(await countOf(pair.lytics.url, "DELETE /projects/:id/collaborators/:userUid")).toBe(1);
  });

  it("lets a collaborator without admin read but not invite (403, not retried)", async () => {
    const mia = await asPerson(PEOPLE.member);
    expect(await mia.listCollaborators(ACME_WEB.projectUid)).toHaveLength(5);
    const error = await mia
      .inviteCollaborators(ACME_WEB.projectUid, { emails: ["new@acme.test"], roles: ["observer"] })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ForbiddenError);
    expect(await countOf(pair.lytics.url, "POST /projects/:id/collaborators")).toBe(1);
  });

  it('never lets an id of "." or ".." move a call to another route (a removal to the project itself)', async () => {
    const { calls: before } = await callLog(pair.lytics.url);
    for (const id of ["..", "."]) {
      const error = await owner
        .removeCollaborator(ACME_WEB.projectUid, id)
        .catch((caught: unknown) => caught);
      expect(error, id).toBeInstanceOf(InsecureUrlError);
      const updated = await owner
        .updateCollaboratorRoles(id, PEOPLE.member, ["observer"])
        .catch((caught: unknown) => caught);
      expect(updated, id).toBeInstanceOf(InsecureUrlError);
    }
    const { calls: after } = await callLog(pair.lytics.url);
    expect(after.slice(before.length).filter((call) => !call.key.startsWith("GET "))).toEqual([]);
    expect(await owner.getProject(ACME_WEB.projectUid)).not.toBeNull();
  });
});

describe("role slugs are checked before any write", () => {
  it("never sends an unknown slug or authed2", async () => {
    await expect(
      owner.inviteCollaborators(ACME_WEB.projectUid, {
        emails: ["new@acme.test"],
        roles: ["observer", "goal_mangaer"],
      }),
    ).rejects.toBeInstanceOf(UnknownRoleSlugError);
    await expect(
      owner.updateCollaboratorRoles(ACME_WEB.projectUid, PEOPLE.member, ["authed2"]),
    ).rejects.toMatchObject({
      code: "LYTICS_UNKNOWN_ROLE_SLUG",
      unknownSlugs: ["authed2"],
    });
    expect(await countOf(pair.lytics.url, "POST /projects/:id/collaborators")).toBe(0);
    expect(await countOf(pair.lytics.url, "PUT /projects/:id/collaborators/:userUid")).toBe(0);
  });

  it("follows the project's own role list", async () => {
    await setRolesAvailable(pair.lytics.url, ACME_WEB.aid, ["admin", "observer"]);
    await expect(
      owner.updateCollaboratorRoles(ACME_WEB.projectUid, PEOPLE.member, ["marketer"]),
    ).rejects.toMatchObject({
      source: "roles-available",
      allowedSlugs: ["admin", "observer"],
    });
    expect(await countOf(pair.lytics.url, "PUT /projects/:id/collaborators/:userUid")).toBe(0);
  });
});

describe("credentials", () => {
  it("a rejected authtoken is an AuthError, sent once", async () => {
    const client = managementClient(pair.lytics.url, { authtoken: "not-a-session" });
    await expect(client.listProjects()).rejects.toBeInstanceOf(AuthError);
    expect(await countOf(pair.lytics.url, "GET /projects")).toBe(1);
  });

  it("refuses options without an organization or with empty credentials, before any call", () => {
    expect(() => managementClient(pair.lytics.url, { authtoken: " " })).toThrow(/credentials/);
    expect(() =>
      managementClient(pair.lytics.url, { authtoken: "x" }, { organizationUid: "" }),
    ).toThrow(/organizationUid/);
  });
});
