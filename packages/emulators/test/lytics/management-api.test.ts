// Contract of the Management API (docs/lytics-shapes.md) and seed 002's rules, with callers
// resolved through the real Contentstack emulator.
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

beforeAll(async () => {
  emulators = await startBoth({ lyticsRateLimitPerSecond: false });
});
afterAll(async () => emulators.close());
beforeEach(async () => {
  await call(emulators.lytics.url, "POST", "/_emulator/reset");
});

describe("front door", () => {
  it("answers 404 'Cannot <METHOD> <path>' without x-cs-api-version, before auth", async () => {
    const get = await call(emulators.lytics.url, "GET", "/projects");
    expect(get.status).toBe(404);
    expect(get.body).toEqual({
      statusCode: 404,
      message: "Cannot GET /projects",
      error: "Not Found",
    });
    const post = await call(emulators.lytics.url, "POST", "/projects/proj_acme_web/collaborators", {
      headers: { organization_uid: "blt_org_acme" },
      body: {},
    });
    expect(post.body.message).toBe("Cannot POST /projects/proj_acme_web/collaborators");
  });

  it("answers 400 without organization_uid", async () => {
    const response = await call(emulators.lytics.url, "GET", "/projects", {
      headers: { "x-cs-api-version": "1", authtoken: "x" },
    });
    expect(response.status).toBe(400);
    expect(response.body).toEqual({
      statusCode: 400,
      message: "organization_uid header is required",
      error: "Bad Request",
    });
  });

  it.each([
    ["no credential", {}],
    ["an unknown authtoken", { authtoken: "not-a-session" }],
    ["an unknown bearer token", { authorization: "Bearer not-a-token" }],
  ])("answers 401 with %s", async (_label, credential) => {
    const response = await call(emulators.lytics.url, "GET", "/projects", {
      headers: { "x-cs-api-version": "1", organization_uid: "blt_org_acme", ...credential },
    });
    expect(response.status).toBe(401);
    expect(response.body).toEqual({
      statusCode: 401,
      message: "Unauthorized",
      error: "Unauthorized",
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
    expect(uids(acme.body.projects)).toEqual(["proj_acme_web", "proj_acme_campaigns"]);
    const globex = await call(emulators.lytics.url, "GET", "/projects", {
      headers: headers("blt_org_globex"),
    });
    expect(globex.status).toBe(403);
    expect(globex.body.message).toBe("Forbidden resource");
  });

  it("answers 403 Forbidden resource to someone outside the organization", async () => {
    const response = await as("blt_user_gina", "GET", "/projects");
    expect(response.status).toBe(403);
    expect(response.body).toEqual({
      statusCode: 403,
      message: "Forbidden resource",
      error: "Forbidden",
    });
  });
});

describe("projects (seed 002)", () => {
  it("lists all projects to org Owner/Admin and only their own to others", async () => {
    expect(uids((await as("blt_user_olivia", "GET", "/projects")).body.projects)).toEqual([
      "proj_acme_web",
      "proj_acme_campaigns",
    ]);
    expect(uids((await as("blt_user_ada", "GET", "/projects")).body.projects)).toHaveLength(2);
    expect(uids((await as("blt_user_mia", "GET", "/projects")).body.projects)).toEqual([
      "proj_acme_web",
    ]);
    expect(uids((await as("blt_user_max", "GET", "/projects")).body.projects)).toEqual([
      "proj_acme_campaigns",
    ]);
    const globex = await as("blt_user_adam", "GET", "/projects", undefined, "blt_org_globex");
    expect(globex.body).toEqual({ projects: [] });
  });

  it("returns the documented project shape", async () => {
    const response = await as("blt_user_mia", "GET", "/projects/proj_acme_web");
    expect(response.status).toBe(200);
    expect(response.body.project).toEqual({
      uid: "proj_acme_web",
      name: "Acme Corporation",
      domain: "acme.test",
      description: "Acme's main website",
      organizationUid: "blt_org_acme",
      ownerUid: "blt_user_adam",
      accountId: "acme_web",
      aid: 1001,
      createdAt: "2026-01-10T09:30:00.000Z",
      updatedAt: "2026-01-10T09:30:00.000Z",
    });
  });

  it("answers 403 for a project the member is not on and 404 for another org's or unknown project", async () => {
    expect((await as("blt_user_mia", "GET", "/projects/proj_acme_campaigns")).status).toBe(403);
    const missing = await as(
      "blt_user_adam",
      "GET",
      "/projects/proj_acme_web",
      undefined,
      "blt_org_globex",
    );
    expect(missing.status).toBe(404);
    expect(missing.body).toMatchObject({
      statusCode: 404,
      error: "Not Found",
      error_code: "lytics.PROJECTS.NOT_FOUND",
    });
  });

  it("lets any member create a project (becoming its owner and admin), up to 3 per organization", async () => {
    const created = await as("blt_user_mia", "POST", "/projects", {
      name: "Mia's Lab",
      domain: "lab.acme.test",
    });
    expect(created.status).toBe(201);
    expect(created.body.project).toMatchObject({
      name: "Mia's Lab",
      ownerUid: "blt_user_mia",
      organizationUid: "blt_org_acme",
      description: "",
    });
    const collaborators = await as(
      "blt_user_mia",
      "GET",
      `/projects/${created.body.project.uid}/collaborators`,
    );
    expect(collaborators.body.collaborators).toEqual([
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
    expect(fourth.body).toMatchObject({
      statusCode: 403,
      error_code: "lytics.PROJECTS.MAX_PROJECT_LIMIT_REACHED",
    });
  });

  it("answers 400 with every problem on an invalid body", async () => {
    const response = await as("blt_user_olivia", "POST", "/projects", { name: "" });
    expect(response.status).toBe(400);
    expect(response.body.error).toBe("Bad Request");
    expect(response.body.message).toHaveLength(2);
  });

  it("lets org admins and the owner edit, not a plain collaborator", async () => {
    expect(
      (await as("blt_user_mia", "PUT", "/projects/proj_acme_web", { name: "Nope" })).status,
    ).toBe(403);
    const edited = await as("blt_user_adam", "PUT", "/projects/proj_acme_web", {
      description: "Edited",
    });
    expect(edited.status).toBe(200);
    expect(edited.body.project.description).toBe("Edited");
  });

  it("lets the owner delete their project; a collaborator cannot", async () => {
    expect((await as("blt_user_mona", "DELETE", "/projects/proj_acme_campaigns")).status).toBe(403);
    const deleted = await as("blt_user_max", "DELETE", "/projects/proj_acme_campaigns");
    expect(deleted.status).toBe(204);
    expect((await as("blt_user_olivia", "GET", "/projects/proj_acme_campaigns")).status).toBe(404);
    const token = await call(emulators.lytics.url, "GET", "/v2/user", {
      headers: { authorization: "at.acme-campaigns.local-token-0002" },
    });
    expect(token.status).toBe(401);
  });
});

describe("collaborators", () => {
  it("lists collaborators with the documented shape", async () => {
    const response = await as("blt_user_olivia", "GET", "/projects/proj_acme_web/collaborators");
    expect(response.status).toBe(200);
    const adam = response.body.collaborators.find(
      (c: { email: string }) => c.email === "adam.admin@acme.test",
    );
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
    const response = await as("blt_user_olivia", "POST", "/projects/proj_acme_web/collaborators", {
      userEmails: ["mona.member@acme.test", "outsider@elsewhere.test"],
      roles: ["observer"],
      invitationMessage: "Welcome",
    });
    expect(response.status).toBe(201);
    const [mona, outsider] = response.body.collaborators;
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
    const unknown = await as("blt_user_olivia", "POST", "/projects/proj_acme_web/collaborators", {
      userEmails: ["mona.member@acme.test"],
      roles: ["obsevrer"],
    });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error_code).toBe("lytics.ROLES.UNKNOWN_ROLE");
    const empty = await as(
      "blt_user_olivia",
      "PUT",
      "/projects/proj_acme_web/collaborators/blt_user_mia",
      { roles: [] },
    );
    expect(empty.status).toBe(400);
  });

  it("refuses writes from a collaborator without admin", async () => {
    expect(
      (
        await as("blt_user_mia", "POST", "/projects/proj_acme_web/collaborators", {
          userEmails: ["x@acme.test"],
          roles: ["observer"],
        })
      ).status,
    ).toBe(403);
    expect(
      (
        await as("blt_user_mia", "PUT", "/projects/proj_acme_web/collaborators/blt_user_gus", {
          roles: ["admin"],
        })
      ).status,
    ).toBe(403);
    expect(
      (await as("blt_user_mia", "DELETE", "/projects/proj_acme_web/collaborators/blt_user_gus"))
        .status,
    ).toBe(403);
  });

  it("lets a collaborator holding admin manage others but never the project owner", async () => {
    expect(
      (
        await as(
          "blt_user_olivia",
          "PUT",
          "/projects/proj_acme_campaigns/collaborators/blt_user_mona",
          { roles: ["admin"] },
        )
      ).status,
    ).toBe(200);
    const demoteOwner = await as(
      "blt_user_mona",
      "PUT",
      "/projects/proj_acme_campaigns/collaborators/blt_user_max",
      { roles: ["observer"] },
    );
    expect(demoteOwner.status).toBe(409);
    expect(demoteOwner.body.error_code).toBe("lytics.COLLABORATORS.PROJECT_OWNER");
    expect(
      (
        await as(
          "blt_user_mona",
          "DELETE",
          "/projects/proj_acme_campaigns/collaborators/blt_user_max",
        )
      ).body.error_code,
    ).toBe("lytics.COLLABORATORS.PROJECT_OWNER");
    expect(
      (
        await as(
          "blt_user_mona",
          "DELETE",
          "/projects/proj_acme_campaigns/collaborators/blt_user_ada",
        )
      ).status,
    ).toBe(204);
  });

  it("never removes or demotes the last admin (409), even for org admins", async () => {
    const remove = await as(
      "blt_user_olivia",
      "DELETE",
      "/projects/proj_acme_campaigns/collaborators/blt_user_max",
    );
    expect(remove.status).toBe(409);
    expect(remove.body).toMatchObject({
      statusCode: 409,
      error: "Conflict",
      error_code: "lytics.COLLABORATORS.LAST_ADMIN",
    });
    expect(
      (
        await as(
          "blt_user_olivia",
          "PUT",
          "/projects/proj_acme_campaigns/collaborators/blt_user_max",
          { roles: ["observer"] },
        )
      ).status,
    ).toBe(409);
  });

  it("answers 404 for an unknown collaborator", async () => {
    const response = await as(
      "blt_user_olivia",
      "PUT",
      "/projects/proj_acme_web/collaborators/blt_user_nobody",
      { roles: ["observer"] },
    );
    expect(response.status).toBe(404);
    expect(response.body.error_code).toBe("lytics.COLLABORATORS.NOT_FOUND");
  });

  it("lists the assignable roles (no authed2), following roles_available", async () => {
    const response = await as("blt_user_mia", "GET", "/projects/proj_acme_web/roles");
    expect(response.status).toBe(200);
    expect(response.body.roles).toHaveLength(11);
    expect(response.body.roles[1]).toEqual({
      slug: "segment_manager",
      name: "Audience Manager",
      description: expect.any(String),
    });
    await call(emulators.lytics.url, "PUT", "/_emulator/lytics/accounts/1001/roles-available", {
      body: { roles_available: ["admin", "observer"] },
    });
    expect(
      (await as("blt_user_mia", "GET", "/projects/proj_acme_web/roles")).body.roles.map(
        (r: { slug: string }) => r.slug,
      ),
    ).toEqual(["admin", "observer"]);
    const refused = await as(
      "blt_user_olivia",
      "PUT",
      "/projects/proj_acme_web/collaborators/blt_user_mia",
      { roles: ["marketer"] },
    );
    expect(refused.body.error_code).toBe("lytics.ROLES.UNKNOWN_ROLE");
  });
});

describe("one store: collaborators are the account's v2 users", () => {
  const v2 = (method: string, path: string, body?: unknown) =>
    call(emulators.lytics.url, method, path, {
      headers: { authorization: "at.acme-web.local-token-0001" },
      body,
    });

  it("shows Management API writes through v2 and v2 writes through the Management API", async () => {
    await as("blt_user_olivia", "PUT", "/projects/proj_acme_web/collaborators/blt_user_mia", {
      roles: ["marketer"],
    });
    expect((await v2("GET", "/v2/user/lu_mia")).body.data.accounts[0].roles).toEqual([
      "marketer",
      "authed2",
    ]);

    await v2("POST", "/v2/user", { email: "max.member@acme.test", roles: ["observer"] });
    let list = (await as("blt_user_olivia", "GET", "/projects/proj_acme_web/collaborators")).body
      .collaborators;
    expect(list.find((c: { userUid: string }) => c.userUid === "blt_user_max")).toMatchObject({
      roles: ["observer"],
      status: "active",
    });

    await v2("DELETE", "/v2/user/lu_gus");
    list = (await as("blt_user_olivia", "GET", "/projects/proj_acme_web/collaborators")).body
      .collaborators;
    expect(uids(list)).not.toContain("blt_user_gus");

    await as("blt_user_olivia", "DELETE", "/projects/proj_acme_web/collaborators/blt_user_mia");
    expect((await v2("GET", "/v2/user/lu_mia")).status).toBe(404);
  });
});

describe("faults and rate limit", () => {
  it("injects a fault in the NestJS error shape", async () => {
    await call(emulators.lytics.url, "POST", "/_emulator/faults", {
      body: { route: "/projects", method: "GET", times: 1, fault: { kind: "status", status: 500 } },
    });
    const failed = await as("blt_user_olivia", "GET", "/projects");
    expect(failed.status).toBe(500);
    expect(failed.body).toMatchObject({ statusCode: 500, error: "Internal Server Error" });
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
    expect(throttled.body).toMatchObject({ statusCode: 429, error: "Too Many Requests" });
    await call(emulators.contentstack.url, "POST", faults, {
      body: { route: "/v3/user", times: 1, fault: { kind: "status", status: 503 } },
    });
    const down = await call(emulators.lytics.url, "GET", "/projects", {
      headers: managementHeaders(await authtokenFor(emulators, "blt_user_ada")),
    });
    expect(down.status).toBe(502);
    expect(down.body).toMatchObject({ statusCode: 502, error: "Bad Gateway" });
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
