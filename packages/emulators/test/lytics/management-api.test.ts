// Contract of the Management API (docs/lytics-shapes.md): the bodies seen live (api-notes Part C1)
// and seed 002's rules, with callers resolved through the real Contentstack emulator.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";

import type { RunningEmulators } from "../../src/start-emulators";
import { authtokenFor, managementHeaders, startBoth } from "./support/both-emulators";
import { contentstackUserToken } from "./support/contentstack-user-token";
import { call } from "./support/http";

let emulators: RunningEmulators;
const tokens = new Map<string, string>();

async function as(
  userUid: string,
  method: string,
  path: string,
  body?: unknown,
  organizationUid = "blt_org_acme",
) {
  let token = tokens.get(userUid);
  if (!token) {
    token = await authtokenFor(emulators, userUid);
    tokens.set(userUid, token);
  }
  return call(emulators.lytics.url, method, path, {
    headers: managementHeaders(token, organizationUid),
    body,
  });
}
const uids = (list: Array<{ uid?: string; userUid?: string }>) =>
  list.map((item) => item.uid ?? item.userUid);
const WEB = "66ac00000000000000001001";
const CAMPAIGNS = "66ac00000000000000001002";

beforeAll(async () => {
  emulators = await startBoth({ lyticsRateLimitPerSecond: false });
});
afterAll(async () => emulators.close());
beforeEach(async () => {
  await call(emulators.lytics.url, "POST", "/_emulator/reset");
});

describe("front door", () => {
  it("answers 404 'Cannot <METHOD> <path>' without x-cs-api-version, before auth, in the one envelope", async () => {
    const get = await call(emulators.lytics.url, "GET", "/projects");
    expect(get.status).toBe(404);
    expect(get.body).toEqual({ message: "Cannot GET /projects", status: 404, error: "Not Found" });
    const post = await call(emulators.lytics.url, "POST", `/projects/${WEB}/collaborators`, {
      headers: { organization_uid: "blt_org_acme" },
      body: {},
    });
    expect(post.body.message).toBe(`Cannot POST /projects/${WEB}/collaborators`);
  });

  it("answers 400 'Missing required header: organization_uid'", async () => {
    const response = await call(emulators.lytics.url, "GET", "/projects", {
      headers: { "x-cs-api-version": "1", authtoken: "x" },
    });
    expect(response.status).toBe(400);
    expect(response.body).toEqual({
      message: "Missing required header: organization_uid",
      status: 400,
      error: "Bad Request",
    });
  });

  it.each([
    ["no credential", {}],
    ["an unknown authtoken", { authtoken: "not-a-session" }],
    ["an unknown bearer token", { authorization: "Bearer not-a-token" }],
  ])("answers 401 with Contentstack's error body for %s", async (_label, credential) => {
    const response = await call(emulators.lytics.url, "GET", "/projects", {
      headers: { "x-cs-api-version": "1", organization_uid: "blt_org_acme", ...credential },
    });
    expect(response.status).toBe(401);
    expect(response.body).toEqual({
      error_message: "You're not allowed in here unless you're logged in.",
      error_code: 105,
      errors: { authtoken: ["is not valid."] },
    });
  });

  it("accepts a Contentstack OAuth user token as Bearer, for the organization it was issued for only", async () => {
    const bearer = await contentstackUserToken(
      emulators.contentstack.url,
      "blt_user_adam",
      "blt_org_acme",
    );
    const headers = (organizationUid: string) => ({
      authorization: `Bearer ${bearer}`,
      organization_uid: organizationUid,
      "x-cs-api-version": "1",
    });
    const acme = await call(emulators.lytics.url, "GET", "/projects", {
      headers: headers("blt_org_acme"),
    });
    expect(acme.status).toBe(200);
    expect(uids(acme.body)).toEqual([WEB, CAMPAIGNS]);
    const globex = await call(emulators.lytics.url, "GET", "/projects", {
      headers: headers("blt_org_globex"),
    });
    expect(globex.status).toBe(403);
    expect(globex.body.message).toBe("Forbidden");
  });

  it("answers 403 Forbidden to someone outside the organization, an unknown one included", async () => {
    // Live, an organization_uid the caller is not in answered 403 with the message "Forbidden"
    // (the DNI suite's TC_070); "Forbidden resource" is the answer of a route's own rule.
    for (const [person, organizationUid] of [
      ["blt_user_gina", "blt_org_acme"],
      ["blt_user_olivia", "test12209876543210"],
    ] as const) {
      const token = await authtokenFor(emulators, person);
      const response = await call(emulators.lytics.url, "GET", "/projects", {
        headers: { ...managementHeaders(token), organization_uid: organizationUid },
      });
      expect(response.status, organizationUid).toBe(403);
      expect(response.body, organizationUid).toEqual({
        message: "Forbidden",
        status: 403,
        error: "Forbidden",
      });
    }
  });
});

describe("projects (seed 002; bodies as seen live, api-notes Part C1)", () => {
  it("lists a bare array: all projects to org Owner/Admin, only their own to others", async () => {
    const all = await as("blt_user_olivia", "GET", "/projects");
    expect(Array.isArray(all.body)).toBe(true);
    expect(uids(all.body)).toEqual([WEB, CAMPAIGNS]);
    expect(uids((await as("blt_user_ada", "GET", "/projects")).body)).toHaveLength(2);
    expect(uids((await as("blt_user_mia", "GET", "/projects")).body)).toEqual([WEB]);
    expect(uids((await as("blt_user_max", "GET", "/projects")).body)).toEqual([CAMPAIGNS]);
    const globex = await as("blt_user_adam", "GET", "/projects", undefined, "blt_org_globex");
    expect(globex.body).toEqual([]);
  });

  it("returns the bare project object with exactly the fields seen live", async () => {
    const response = await as("blt_user_mia", "GET", `/projects/${WEB}`);
    expect(response.status).toBe(200);
    // Besides api-notes C1's fields, the live bodies carry who created and last changed the
    // project and when (the DNI suite checks createdBy, createdAt, updatedBy, updatedAt).
    expect(response.body).toEqual({
      createdBy: "blt_user_adam",
      createdAt: "2026-01-10T09:30:00.000Z",
      updatedBy: "blt_user_adam",
      updatedAt: "2026-01-10T09:30:00.000Z",
      uid: WEB,
      name: "Acme Corporation",
      domain: "acme.test",
      description: "Acme's main website",
      organizationUid: "blt_org_acme",
      connections: {
        stackApiKeys: ["blt5d4c3b2a1f0e9d8c"],
        launchProjectUids: [],
        personalizeProjectUids: [],
      },
      cdp: {
        aid: 1001,
        orgId: expect.stringMatching(/^[0-9a-f]{32}$/),
        accountId: "ac000000000000000000000000001001",
        status: "active",
        syncedAt: "2026-01-10T09:30:00.000Z",
      },
    });
    expect(response.body.uid).toMatch(/^[0-9a-f]{24}$/);
    // One CDP organization per Contentstack organization.
    const campaigns = await as("blt_user_olivia", "GET", `/projects/${CAMPAIGNS}`);
    expect(campaigns.body.cdp.orgId).toBe(response.body.cdp.orgId);
  });

  it("answers 403 for a project the member is not on, and 'Project not found' for another organization's or an unknown one", async () => {
    expect((await as("blt_user_mia", "GET", `/projects/${CAMPAIGNS}`)).status).toBe(403);
    const notFound = { message: "Project not found", status: 404, error: "Not Found" };
    const otherOrg = await as(
      "blt_user_adam",
      "GET",
      `/projects/${WEB}`,
      undefined,
      "blt_org_globex",
    );
    expect(otherOrg.status).toBe(404);
    expect(otherOrg.body).toEqual(notFound);
    const unknown = await as("blt_user_olivia", "PUT", "/projects/000000000000000000000000", {
      name: "x",
    });
    expect(unknown.status).toBe(404);
    expect(unknown.body).toEqual(notFound);
    // A uid that is not 24 hex characters is "not found" as well, as live (not a 400).
    const malformed = await as("blt_user_olivia", "GET", "/projects/not-a-project-uid");
    expect(malformed.status).toBe(404);
    expect(malformed.body).toEqual(notFound);
  });

  it("creates a project (201, the bare object, live id formats, connections kept); the creator becomes owner and admin; at most 3", async () => {
    const created = await as("blt_user_mia", "POST", "/projects", {
      name: "  Mia's Lab ",
      domain: "lab.acme.test",
      connections: { stackApiKeys: ["blt_stack_lab"], launchProjectUids: ["launch_lab"] },
    });
    expect(created.status).toBe(201);
    expect(created.body).toEqual({
      createdBy: "blt_user_mia",
      createdAt: created.body.cdp.syncedAt,
      updatedBy: "blt_user_mia",
      updatedAt: created.body.cdp.syncedAt,
      uid: expect.stringMatching(/^[0-9a-f]{24}$/),
      name: "Mia's Lab",
      domain: "lab.acme.test",
      description: "",
      organizationUid: "blt_org_acme",
      connections: {
        stackApiKeys: ["blt_stack_lab"],
        launchProjectUids: ["launch_lab"],
        personalizeProjectUids: [],
      },
      cdp: {
        aid: expect.any(Number),
        orgId: expect.stringMatching(/^[0-9a-f]{32}$/),
        accountId: expect.stringMatching(/^[0-9a-f]{32}$/),
        status: "active",
        syncedAt: expect.any(String),
      },
    });
    expect(String(created.body.cdp.aid)).toMatch(/^\d{4}$/);
    expect(new Date(created.body.cdp.syncedAt).toISOString()).toBe(created.body.cdp.syncedAt);
    const fetched = await as("blt_user_mia", "GET", `/projects/${created.body.uid}`);
    expect(fetched.body).toEqual(created.body);
    const collaborators = await as(
      "blt_user_mia",
      "GET",
      `/projects/${created.body.uid}/collaborators`,
    );
    expect(collaborators.body).toEqual([
      expect.objectContaining({
        userUid: "blt_user_mia",
        roles: ["admin"],
        isOwner: true,
        status: "active",
      }),
    ]);
    const fourth = await as("blt_user_olivia", "POST", "/projects", {
      name: "One too many",
      domain: "x.acme.test",
    });
    expect(fourth.status).toBe(403);
    expect(fourth.body).toEqual({
      message: expect.any(String),
      status: 403,
      error: "Forbidden",
      error_code: "lytics.PROJECTS.MAX_PROJECT_LIMIT_REACHED",
    });
  });

  it.each([
    // A missing field fails every rule of that field at once, as the live service answers it
    // (api-notes Part C1; the DNI suite's TC_002 and TC_015).
    [
      "a missing name",
      { domain: "a.test" },
      "name",
      [
        { code: "lytics.PROJECTS.MAX_CHAR_LIMIT", maxCharacters: 200 },
        { code: "lytics.PROJECTS.NOT_EMPTY" },
        { code: "lytics.PROJECTS.NOT_STRING" },
      ],
    ],
    [
      "a missing domain",
      { name: "Fine" },
      "domain",
      [
        { code: "lytics.PROJECTS.MAX_CHAR_LIMIT", maxCharacters: 200 },
        { code: "lytics.PROJECTS.INVALID_DOMAIN" },
        { code: "lytics.PROJECTS.NOT_EMPTY" },
        { code: "lytics.PROJECTS.NOT_STRING" },
      ],
    ],
    [
      "a null domain (taken as missing, as live)",
      { name: "Fine", domain: null },
      "domain",
      [
        { code: "lytics.PROJECTS.MAX_CHAR_LIMIT", maxCharacters: 200 },
        { code: "lytics.PROJECTS.INVALID_DOMAIN" },
        { code: "lytics.PROJECTS.NOT_EMPTY" },
        { code: "lytics.PROJECTS.NOT_STRING" },
      ],
    ],
    [
      "an empty domain",
      { name: "Fine", domain: "" },
      "domain",
      [{ code: "lytics.PROJECTS.NOT_EMPTY" }, { code: "lytics.PROJECTS.INVALID_DOMAIN" }],
    ],
    [
      "an empty name",
      { name: "", domain: "a.test" },
      "name",
      [{ code: "lytics.PROJECTS.NOT_EMPTY" }],
    ],
    [
      "a blank name",
      { name: "   ", domain: "a.test" },
      "name",
      [{ code: "lytics.PROJECTS.NOT_EMPTY" }],
    ],
    [
      "a name over 200 characters",
      { name: "x".repeat(201), domain: "a.test" },
      "name",
      [{ code: "lytics.PROJECTS.MAX_CHAR_LIMIT", maxCharacters: 200 }],
    ],
    [
      "a description over 255 characters",
      { name: "Fine", domain: "a.test", description: "d".repeat(256) },
      "description",
      [{ code: "lytics.PROJECTS.MAX_CHAR_LIMIT", maxCharacters: 255 }],
    ],
    [
      "a name another project of the organization has",
      { name: "acme corporation", domain: "a.test" },
      "name",
      [{ code: "lytics.PROJECTS.DUPLICATE_PROJECT_NAME" }],
    ],
    [
      "a stack already linked to another project",
      { name: "Fine", domain: "a.test", connections: { stackApiKeys: ["blt5d4c3b2a1f0e9d8c"] } },
      "connections.stackApiKeys",
      [{ code: "lytics.PROJECTS.DUPLICATE_CONNECTION", values: ["blt5d4c3b2a1f0e9d8c"] }],
    ],
    [
      "a domain that is no host name",
      { name: "Fine", domain: "https://a.test" },
      "domain",
      [{ code: "lytics.PROJECTS.INVALID_DOMAIN" }],
    ],
  ])("refuses %s with the live validation body", async (_label, body, field, problems) => {
    const response = await as("blt_user_olivia", "POST", "/projects", body);
    expect(response.status).toBe(400);
    expect(response.body).toEqual({
      message: "Bad request",
      status: 400,
      errors: { [field]: problems },
    });
  });

  it("reports every problem at once, under each field", async () => {
    const response = await as("blt_user_olivia", "POST", "/projects", { name: "" });
    expect(response.body.errors).toEqual({
      name: [{ code: "lytics.PROJECTS.NOT_EMPTY" }],
      domain: [
        { code: "lytics.PROJECTS.MAX_CHAR_LIMIT", maxCharacters: 200 },
        { code: "lytics.PROJECTS.INVALID_DOMAIN" },
        { code: "lytics.PROJECTS.NOT_EMPTY" },
        { code: "lytics.PROJECTS.NOT_STRING" },
      ],
    });
  });

  it("lets org admins and the owner edit (200, the bare object), not a plain collaborator", async () => {
    expect((await as("blt_user_mia", "PUT", `/projects/${WEB}`, { name: "Nope" })).status).toBe(
      403,
    );
    const edited = await as("blt_user_adam", "PUT", `/projects/${WEB}`, {
      name: "Acme Corporation",
      domain: "acme.test",
      description: "Edited",
      connections: { personalizeProjectUids: ["pers_1"] },
    });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({
      uid: WEB,
      name: "Acme Corporation",
      description: "Edited",
      connections: {
        stackApiKeys: ["blt5d4c3b2a1f0e9d8c"],
        launchProjectUids: [],
        personalizeProjectUids: ["pers_1"],
      },
    });
    expect(edited.body.cdp.syncedAt).not.toBe("2026-01-10T09:30:00.000Z");
    expect(edited.body).toMatchObject({
      createdBy: "blt_user_adam",
      createdAt: "2026-01-10T09:30:00.000Z",
      updatedAt: edited.body.cdp.syncedAt,
    });
    // Adam is an org Admin and the project's owner; the Owner's edit names her.
    const byOwner = await as("blt_user_olivia", "PUT", `/projects/${WEB}`, {
      name: "Acme Corporation",
      domain: "acme.test",
    });
    expect(byOwner.body).toMatchObject({
      createdBy: "blt_user_adam",
      updatedBy: "blt_user_olivia",
    });
  });

  it("checks a PUT body as a whole project, as live: no name is every name rule at once", async () => {
    // The live service answered a PUT that left `name` out as it answers such a create (api-notes
    // Part C1; the DNI suite's TC_PUT_BY_UID_017): PUT replaces the project, it does not patch it.
    const partial = await as("blt_user_olivia", "PUT", `/projects/${WEB}`, {
      domain: "acme.test",
      description: "Only this",
    });
    expect(partial.status).toBe(400);
    expect(partial.body).toEqual({
      message: "Bad request",
      status: 400,
      errors: {
        name: [
          { code: "lytics.PROJECTS.MAX_CHAR_LIMIT", maxCharacters: 200 },
          { code: "lytics.PROJECTS.NOT_EMPTY" },
          { code: "lytics.PROJECTS.NOT_STRING" },
        ],
      },
    });
    const project = await as("blt_user_olivia", "GET", `/projects/${WEB}`);
    expect(project.body.description).toBe("Acme's main website");
  });

  it("refuses an update that takes another project's name or connection, but not the project's own", async () => {
    const own = await as("blt_user_olivia", "PUT", `/projects/${WEB}`, {
      name: "Acme Corporation",
      domain: "acme.test",
      connections: { stackApiKeys: ["blt5d4c3b2a1f0e9d8c"] },
    });
    expect(own.status).toBe(200);
    const taken = await as("blt_user_olivia", "PUT", `/projects/${CAMPAIGNS}`, {
      name: "Acme Corporation",
      domain: "campaigns.acme.test",
      connections: { stackApiKeys: ["blt5d4c3b2a1f0e9d8c"] },
    });
    expect(taken.status).toBe(400);
    expect(taken.body.errors).toEqual({
      name: [{ code: "lytics.PROJECTS.DUPLICATE_PROJECT_NAME" }],
      "connections.stackApiKeys": [
        { code: "lytics.PROJECTS.DUPLICATE_CONNECTION", values: ["blt5d4c3b2a1f0e9d8c"] },
      ],
    });
  });

  it("answers 400 'Missing required header: x-project-uid' to PUT /projects/ and takes the uid from that header", async () => {
    const missing = await as("blt_user_olivia", "PUT", "/projects/", { name: "x" });
    expect(missing.status).toBe(400);
    expect(missing.body).toEqual({
      message: "Missing required header: x-project-uid",
      status: 400,
      error: "Bad Request",
    });
    const token = await authtokenFor(emulators, "blt_user_olivia");
    const byHeader = await call(emulators.lytics.url, "PUT", "/projects/", {
      headers: { ...managementHeaders(token), "x-project-uid": WEB },
      body: { name: "Acme Corporation", domain: "acme.test", description: "By header" },
    });
    expect(byHeader.status).toBe(200);
    expect(byHeader.body.description).toBe("By header");
  });

  it("lets the owner delete their project; a collaborator cannot", async () => {
    expect((await as("blt_user_mona", "DELETE", `/projects/${CAMPAIGNS}`)).status).toBe(403);
    const deleted = await as("blt_user_max", "DELETE", `/projects/${CAMPAIGNS}`);
    expect(deleted.status).toBe(204);
    expect((await as("blt_user_olivia", "GET", `/projects/${CAMPAIGNS}`)).status).toBe(404);
    const token = await call(emulators.lytics.url, "GET", "/v2/user", {
      headers: { authorization: "at.acme-campaigns.local-token-0002" },
    });
    expect(token.status).toBe(401);
  });
});

describe("collaborators", () => {
  it("lists collaborators as a bare array of camelCase objects (our choice, same conventions as projects)", async () => {
    const response = await as("blt_user_olivia", "GET", `/projects/${WEB}/collaborators`);
    expect(response.status).toBe(200);
    expect(Array.isArray(response.body)).toBe(true);
    const adam = response.body.find((c: { email: string }) => c.email === "adam.admin@acme.test");
    expect(adam).toEqual({
      userUid: "blt_user_adam",
      email: "adam.admin@acme.test",
      name: "Adam Admin",
      roles: ["admin"],
      status: "active",
      isOwner: true,
      invitedAt: expect.any(String),
    });
  });

  it("invites by email; an email without a Contentstack account is 'invited' with an invite_ uid", async () => {
    const response = await as("blt_user_olivia", "POST", `/projects/${WEB}/collaborators`, {
      userEmails: ["mona.member@acme.test", "outsider@elsewhere.test"],
      roles: ["observer"],
      invitationMessage: "Welcome",
    });
    expect(response.status).toBe(201);
    expect(Array.isArray(response.body)).toBe(true);
    const [mona, outsider] = response.body;
    expect(mona).toMatchObject({
      userUid: "blt_user_mona",
      status: "active",
      roles: ["observer"],
      isOwner: false,
    });
    expect(outsider).toMatchObject({ status: "invited", roles: ["observer"] });
    expect(outsider.userUid).toMatch(/^invite_/);
  });

  it("refuses unknown role slugs and empty role lists", async () => {
    const unknown = await as("blt_user_olivia", "POST", `/projects/${WEB}/collaborators`, {
      userEmails: ["mona.member@acme.test"],
      roles: ["obsevrer"],
    });
    expect(unknown.status).toBe(400);
    expect(unknown.body).toEqual({
      message: "Bad request",
      status: 400,
      errors: { roles: [{ code: "lytics.ROLES.UNKNOWN_ROLE", values: ["obsevrer"] }] },
    });
    const empty = await as(
      "blt_user_olivia",
      "PUT",
      `/projects/${WEB}/collaborators/blt_user_mia`,
      { roles: [] },
    );
    expect(empty.status).toBe(400);
    expect(empty.body.errors).toEqual({ roles: [{ code: "lytics.COLLABORATORS.NOT_EMPTY" }] });
    const noEmails = await as("blt_user_olivia", "POST", `/projects/${WEB}/collaborators`, {
      userEmails: [],
      roles: ["observer"],
    });
    expect(noEmails.body.errors).toEqual({
      userEmails: [{ code: "lytics.COLLABORATORS.NOT_EMPTY" }],
    });
  });

  it("refuses writes from a collaborator without admin", async () => {
    expect(
      (
        await as("blt_user_mia", "POST", `/projects/${WEB}/collaborators`, {
          userEmails: ["x@acme.test"],
          roles: ["observer"],
        })
      ).status,
    ).toBe(403);
    expect(
      (
        await as("blt_user_mia", "PUT", `/projects/${WEB}/collaborators/blt_user_gus`, {
          roles: ["admin"],
        })
      ).status,
    ).toBe(403);
    expect(
      (await as("blt_user_mia", "DELETE", `/projects/${WEB}/collaborators/blt_user_gus`)).status,
    ).toBe(403);
  });

  it("lets a collaborator holding admin manage others but never the project owner", async () => {
    expect(
      (
        await as("blt_user_olivia", "PUT", `/projects/${CAMPAIGNS}/collaborators/blt_user_mona`, {
          roles: ["admin"],
        })
      ).status,
    ).toBe(200);
    const demoteOwner = await as(
      "blt_user_mona",
      "PUT",
      `/projects/${CAMPAIGNS}/collaborators/blt_user_max`,
      { roles: ["observer"] },
    );
    expect(demoteOwner.status).toBe(409);
    expect(demoteOwner.body).toMatchObject({
      status: 409,
      error: "Conflict",
      error_code: "lytics.COLLABORATORS.PROJECT_OWNER",
    });
    expect(
      (await as("blt_user_mona", "DELETE", `/projects/${CAMPAIGNS}/collaborators/blt_user_max`))
        .body.error_code,
    ).toBe("lytics.COLLABORATORS.PROJECT_OWNER");
    expect(
      (await as("blt_user_mona", "DELETE", `/projects/${CAMPAIGNS}/collaborators/blt_user_ada`))
        .status,
    ).toBe(204);
  });

  it("never removes or demotes the last admin (409), even for org admins", async () => {
    const remove = await as(
      "blt_user_olivia",
      "DELETE",
      `/projects/${CAMPAIGNS}/collaborators/blt_user_max`,
    );
    expect(remove.status).toBe(409);
    expect(remove.body).toMatchObject({
      status: 409,
      error: "Conflict",
      error_code: "lytics.COLLABORATORS.LAST_ADMIN",
    });
    expect(
      (
        await as("blt_user_olivia", "PUT", `/projects/${CAMPAIGNS}/collaborators/blt_user_max`, {
          roles: ["observer"],
        })
      ).status,
    ).toBe(409);
  });

  it("answers 404 for an unknown collaborator", async () => {
    const response = await as(
      "blt_user_olivia",
      "PUT",
      `/projects/${WEB}/collaborators/blt_user_nobody`,
      { roles: ["observer"] },
    );
    expect(response.status).toBe(404);
    expect(response.body).toEqual({
      message: "Collaborator not found",
      status: 404,
      error: "Not Found",
      error_code: "lytics.COLLABORATORS.NOT_FOUND",
    });
  });

  it("lists the assignable roles (no authed2), following roles_available", async () => {
    const response = await as("blt_user_mia", "GET", `/projects/${WEB}/roles`);
    expect(response.status).toBe(200);
    expect(response.body).toHaveLength(11);
    expect(response.body[1]).toEqual({
      slug: "segment_manager",
      name: "Audience Manager",
      description: expect.any(String),
    });
    await call(emulators.lytics.url, "PUT", "/_emulator/lytics/accounts/1001/roles-available", {
      body: { roles_available: ["admin", "observer"] },
    });
    expect(
      (await as("blt_user_mia", "GET", `/projects/${WEB}/roles`)).body.map(
        (r: { slug: string }) => r.slug,
      ),
    ).toEqual(["admin", "observer"]);
    const refused = await as(
      "blt_user_olivia",
      "PUT",
      `/projects/${WEB}/collaborators/blt_user_mia`,
      { roles: ["marketer"] },
    );
    expect(refused.body.errors.roles[0].code).toBe("lytics.ROLES.UNKNOWN_ROLE");
  });
});

describe("one store: collaborators are the account's v2 users", () => {
  const v2 = (method: string, path: string, body?: unknown) =>
    call(emulators.lytics.url, method, path, {
      headers: { authorization: "at.acme-web.local-token-0001" },
      body,
    });

  it("shows Management API writes through v2 and v2 writes through the Management API", async () => {
    await as("blt_user_olivia", "PUT", `/projects/${WEB}/collaborators/blt_user_mia`, {
      roles: ["marketer"],
    });
    expect((await v2("GET", "/v2/user/lu_mia")).body.data.accounts[0].roles).toEqual([
      "marketer",
      "authed2",
    ]);

    await v2("POST", "/v2/user", { email: "max.member@acme.test", roles: ["observer"] });
    let list = (await as("blt_user_olivia", "GET", `/projects/${WEB}/collaborators`)).body;
    expect(list.find((c: { userUid: string }) => c.userUid === "blt_user_max")).toMatchObject({
      roles: ["observer"],
      status: "active",
    });

    await v2("DELETE", "/v2/user/lu_gus");
    list = (await as("blt_user_olivia", "GET", `/projects/${WEB}/collaborators`)).body;
    expect(uids(list)).not.toContain("blt_user_gus");

    await as("blt_user_olivia", "DELETE", `/projects/${WEB}/collaborators/blt_user_mia`);
    expect((await v2("GET", "/v2/user/lu_mia")).status).toBe(404);
  });
});

describe("faults and rate limit", () => {
  it("injects a fault in the one error envelope", async () => {
    await call(emulators.lytics.url, "POST", "/_emulator/faults", {
      body: { route: "/projects", method: "GET", times: 1, fault: { kind: "status", status: 500 } },
    });
    const failed = await as("blt_user_olivia", "GET", "/projects");
    expect(failed.status).toBe(500);
    expect(failed.body).toEqual({
      message: "Injected fault",
      status: 500,
      error: "Internal Server Error",
    });
    expect((await as("blt_user_olivia", "GET", "/projects")).status).toBe(200);
  });

  it("passes Contentstack's throttling of the identity lookup on as 429, and its outage as 502", async () => {
    const faults = "/_emulator/faults";
    await call(emulators.contentstack.url, "POST", faults, {
      body: { route: "/v3/user", times: 1, fault: { kind: "status", status: 429 } },
    });
    const throttled = await call(emulators.lytics.url, "GET", "/projects", {
      headers: managementHeaders(await authtokenFor(emulators, "blt_user_ada")),
    });
    expect(throttled.status).toBe(429);
    expect(throttled.body).toMatchObject({ status: 429, error: "Too Many Requests" });
    await call(emulators.contentstack.url, "POST", faults, {
      body: { route: "/v3/user", times: 1, fault: { kind: "status", status: 503 } },
    });
    const down = await call(emulators.lytics.url, "GET", "/projects", {
      headers: managementHeaders(await authtokenFor(emulators, "blt_user_ada")),
    });
    expect(down.status).toBe(502);
    expect(down.body).toMatchObject({ status: 502, error: "Bad Gateway" });
    await call(emulators.contentstack.url, "DELETE", faults);
  });

  it("limits the Management API per organization", async () => {
    const limited = await startBoth({ lyticsRateLimitPerSecond: 3 });
    try {
      const token = await authtokenFor(limited, "blt_user_olivia");
      const statuses: number[] = [];
      for (let i = 0; i < 5; i += 1) {
        statuses.push(
          (
            await call(limited.lytics.url, "GET", "/projects", {
              headers: managementHeaders(token),
            })
          ).status,
        );
      }
      expect(statuses).toEqual([200, 200, 200, 429, 429]);
      const other = await authtokenFor(limited, "blt_user_gina");
      expect(
        (
          await call(limited.lytics.url, "GET", "/projects", {
            headers: managementHeaders(other, "blt_org_globex"),
          })
        ).status,
      ).toBe(200);
    } finally {
      await limited.close();
    }
  });
});
