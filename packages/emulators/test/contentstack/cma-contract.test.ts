// Contract of the CMA `/v3` surface: shapes, auth, permissions, pagination, errors.
import { useFreshEmulator } from "@lytics-access/emulators/testing";
import { describe, expect, it } from "vitest";

import {
  ACME,
  ADMIN,
  authtokenFor,
  cma,
  control,
  GLOBEX,
  MEMBER,
  OWNER,
  type Emulator,
  startEmulator,
} from "./helpers";

let emulator: Emulator;
useFreshEmulator(
  () => startEmulator({ rateLimit: false }),
  (started) => (emulator = started),
);

const CMA_ERROR = {
  error_message: expect.any(String),
  error_code: expect.any(Number),
  errors: expect.any(Object),
};

describe("authentication", () => {
  it("answers 401 with error_code 105 without credentials, with a bad authtoken and with a bad bearer token", async () => {
    for (const init of [{}, { authtoken: "blt_nope" }, { bearer: "cs_at_nope" }]) {
      const response = await cma(emulator, "/v3/user", init);
      expect(response.status).toBe(401);
      expect(response.body).toEqual(CMA_ERROR);
      expect(response.body.error_code).toBe(105);
    }
  });

  it("returns the caller with organizations, org_roles and is_owner", async () => {
    const token = await authtokenFor(emulator, ADMIN);
    const { status, body } = await cma(emulator, "/v3/user", { authtoken: token });
    expect(status).toBe(200);
    expect(body.user).toMatchObject({
      uid: ADMIN,
      email: "adam.admin@acme.test",
      org_uid: [ACME, GLOBEX],
      shared_org_uid: [ACME, GLOBEX],
    });
    expect(body.user.organizations).toEqual([
      {
        uid: ACME,
        name: "Acme Corporation",
        org_roles: [{ uid: "blt_role_acme_admin", name: "Admin", admin: true }],
      },
      {
        uid: GLOBEX,
        name: "Globex",
        org_roles: [{ uid: "blt_role_globex_member", name: "Member", admin: false }],
      },
    ]);
    const owner = await cma(emulator, "/v3/user", {
      authtoken: await authtokenFor(emulator, OWNER),
    });
    expect(owner.body.user.organizations[0].is_owner).toBe(true);
  });
});

describe("organization and roles", () => {
  it("fetches the organization with owner_uid, and plan features with include_plan", async () => {
    const token = await authtokenFor(emulator, MEMBER);
    const plain = await cma(emulator, `/v3/organizations/${ACME}`, { authtoken: token });
    expect(plain.status).toBe(200);
    expect(plain.body.organization).toMatchObject({
      uid: ACME,
      name: "Acme Corporation",
      owner_uid: OWNER,
    });
    expect(plain.body.organization.plan).toBeUndefined();
    const withPlan = await cma(emulator, `/v3/organizations/${ACME}?include_plan=true`, {
      authtoken: token,
    });
    const features = withPlan.body.organization.plan.features as Array<{
      uid: string;
      limit: number;
    }>;
    expect(features.map((feature) => feature.uid)).toEqual(["getLimit", "limit", "bulkLimit"]);
    expect(features[0]?.limit).toBe(10);
  });

  it("404s an unknown organization and 403s a non-member", async () => {
    const token = await authtokenFor(emulator, MEMBER);
    const unknown = await cma(emulator, "/v3/organizations/blt_org_nope", { authtoken: token });
    expect(unknown.status).toBe(404);
    expect(unknown.body).toEqual(CMA_ERROR);
    const other = await cma(emulator, `/v3/organizations/${GLOBEX}`, { authtoken: token });
    expect(other.status).toBe(403);
    expect(other.body.error_code).toBe(161);
  });

  it("lists roles with their users, skip/limit and count", async () => {
    const token = await authtokenFor(emulator, OWNER);
    const { body } = await cma(emulator, `/v3/organizations/${ACME}/roles?include_count=true`, {
      authtoken: token,
    });
    expect(body.count).toBe(2);
    const admin = body.roles.find((role: { name: string }) => role.name === "Admin");
    expect(admin).toMatchObject({
      uid: "blt_role_acme_admin",
      org_uid: ACME,
      admin: true,
      default: false,
    });
    expect(admin.users).toEqual([OWNER, ADMIN, "blt_user_ada"]);
    const second = await cma(emulator, `/v3/organizations/${ACME}/roles?skip=1&limit=1`, {
      authtoken: token,
    });
    expect(second.body.roles.map((role: { name: string }) => role.name)).toEqual(["Member"]);
    expect(second.body.count).toBeUndefined();
  });

  it("exposes the Data Activation Layer read-only", async () => {
    const acme = await cma(emulator, `/v3/organizations/${ACME}/data_activation_layer`, {
      authtoken: await authtokenFor(emulator, MEMBER),
    });
    expect(acme.body.data_activation_layer).toMatchObject({
      title: "Acme DAL",
      domain: "acme.test",
      created_by: OWNER,
    });
    const globex = await cma(emulator, `/v3/organizations/${GLOBEX}/data_activation_layer`, {
      authtoken: await authtokenFor(emulator, "blt_user_gina"),
    });
    expect(globex.body).toEqual({ data_activation_layer: null });
  });
});

describe("organization users and invitations (share)", () => {
  it("is Owner/Admin only", async () => {
    const member = await cma(emulator, `/v3/organizations/${ACME}/share`, {
      authtoken: await authtokenFor(emulator, MEMBER),
    });
    expect(member.status).toBe(403);
    expect(member.body.error_code).toBe(161);
    const admin = await cma(emulator, `/v3/organizations/${ACME}/share`, {
      authtoken: await authtokenFor(emulator, ADMIN),
    });
    expect(admin.status).toBe(200);
  });

  it("lists users and pending invitations with the documented fields", async () => {
    const token = await authtokenFor(emulator, OWNER);
    const { body } = await cma(emulator, `/v3/organizations/${ACME}/share?include_count=true`, {
      authtoken: token,
    });
    expect(body.count).toBe(8);
    expect(body.shares).toHaveLength(8);
    const pending = body.shares.find((share: { status: string }) => share.status === "pending");
    expect(pending).toMatchObject({
      uid: "blt_share_pam",
      email: "pam.pending@acme.test",
      user_uid: null,
      org_uid: ACME,
      org_roles: ["blt_role_acme_member"],
      invited_by: ADMIN,
    });
    const guest = body.shares.find(
      (share: { email: string }) => share.email === "gus.guest@partner.test",
    );
    expect(guest.guest).toBe(true);
    expect(Object.keys(body.shares[0]).sort()).toEqual(
      [
        "created_at",
        "email",
        "invited_at",
        "invited_by",
        "message",
        "org_roles",
        "org_uid",
        "status",
        "uid",
        "updated_at",
        "user_uid",
      ].sort(),
    );
  });

  it("paginates with skip/limit at the boundaries and caps limit at 100", async () => {
    const token = await authtokenFor(emulator, OWNER);
    const all = (
      await cma(emulator, `/v3/organizations/${ACME}/share?limit=100`, { authtoken: token })
    ).body.shares;
    const pages = [];
    for (let skip = 0; skip < 10; skip += 3) {
      const { body } = await cma(
        emulator,
        `/v3/organizations/${ACME}/share?skip=${skip}&limit=3&include_count=true`,
        { authtoken: token },
      );
      expect(body.count).toBe(8);
      pages.push(...body.shares);
    }
    expect(pages).toEqual(all);
    const past = await cma(emulator, `/v3/organizations/${ACME}/share?skip=8`, {
      authtoken: token,
    });
    expect(past.body.shares).toEqual([]);
    const huge = await cma(emulator, `/v3/organizations/${ACME}/share?limit=5000`, {
      authtoken: token,
    });
    expect(huge.status).toBe(200);
    for (const bad of ["limit=0", "limit=abc", "skip=-1", "include_count=yes", "asc=password"]) {
      const response = await cma(emulator, `/v3/organizations/${ACME}/share?${bad}`, {
        authtoken: token,
      });
      expect(response.status, bad).toBe(400);
      expect(response.body).toEqual(CMA_ERROR);
    }
  });

  it("defaults to 25 per page", async () => {
    const token = await authtokenFor(emulator, OWNER);
    const invites = Object.fromEntries(
      Array.from({ length: 30 }, (_, i) => [`bulk${i}@acme.test`, ["blt_role_acme_member"]]),
    );
    expect(
      (
        await cma(emulator, `/v3/organizations/${ACME}/share`, {
          method: "POST",
          authtoken: token,
          body: { share: { users: invites } },
        })
      ).status,
    ).toBe(200);
    const { body } = await cma(emulator, `/v3/organizations/${ACME}/share?include_count=true`, {
      authtoken: token,
    });
    expect(body.shares).toHaveLength(25);
    expect(body.count).toBe(38);
  });

  it("filters by typeahead, sorts with asc/desc and adds role objects with include_roles", async () => {
    const token = await authtokenFor(emulator, OWNER);
    const found = await cma(
      emulator,
      `/v3/organizations/${ACME}/share?typeahead=MEMBER&include_count=true`,
      { authtoken: token },
    );
    expect(found.body.shares.map((share: { email: string }) => share.email)).toEqual([
      "mia.member@acme.test",
      "max.member@acme.test",
      "mona.member@acme.test",
    ]);
    expect(found.body.count).toBe(3);
    const desc = await cma(emulator, `/v3/organizations/${ACME}/share?desc=email&limit=2`, {
      authtoken: token,
    });
    expect(desc.body.shares.map((share: { email: string }) => share.email)).toEqual([
      "pam.pending@acme.test",
      "olivia.owner@acme.test",
    ]);
    const roles = await cma(
      emulator,
      `/v3/organizations/${ACME}/share?include_roles=true&typeahead=adam`,
      { authtoken: token },
    );
    expect(roles.body.shares[0].roles).toEqual([
      { uid: "blt_role_acme_admin", name: "Admin", admin: true },
    ]);
  });

  it("searches by email, and an empty body returns everyone", async () => {
    const token = await authtokenFor(emulator, ADMIN);
    const some = await cma(emulator, `/v3/organizations/${ACME}/share/search?include_count=true`, {
      method: "POST",
      authtoken: token,
      body: { emails: ["MIA.member@acme.test", "nobody@acme.test"] },
    });
    expect(some.body.shares.map((share: { user_uid: string }) => share.user_uid)).toEqual([MEMBER]);
    expect(some.body.count).toBe(1);
    const everyone = await cma(
      emulator,
      `/v3/organizations/${ACME}/share/search?include_count=true`,
      { method: "POST", authtoken: token },
    );
    expect(everyone.body.count).toBe(8);
  });

  it("invites as pending, refuses duplicates and unknown roles without changing anything", async () => {
    const token = await authtokenFor(emulator, ADMIN);
    const invited = await cma(emulator, `/v3/organizations/${ACME}/share`, {
      method: "POST",
      authtoken: token,
      body: {
        share: { users: { "new.hire@acme.test": ["blt_role_acme_member"] }, message: "Welcome" },
      },
    });
    expect(invited.status).toBe(200);
    expect(invited.body.shares[0]).toMatchObject({
      email: "new.hire@acme.test",
      status: "pending",
      user_uid: null,
      invited_by: ADMIN,
      message: "Welcome",
    });
    const duplicate = await cma(emulator, `/v3/organizations/${ACME}/share`, {
      method: "POST",
      authtoken: token,
      body: {
        share: {
          users: {
            "fresh@acme.test": ["blt_role_acme_member"],
            "mia.member@acme.test": ["blt_role_acme_member"],
          },
        },
      },
    });
    expect(duplicate.status).toBe(422);
    expect(duplicate.body.errors["mia.member@acme.test"]).toBeDefined();
    const badRole = await cma(emulator, `/v3/organizations/${ACME}/share`, {
      method: "POST",
      authtoken: token,
      body: { share: { users: { "fresh@acme.test": ["blt_role_globex_admin"] } } },
    });
    expect(badRole.status).toBe(422);
    const malformed = await cma(emulator, `/v3/organizations/${ACME}/share`, {
      method: "POST",
      authtoken: token,
      body: { users: {} },
    });
    expect(malformed.status).toBe(400);
    const { body } = await cma(emulator, `/v3/organizations/${ACME}/share?include_count=true`, {
      authtoken: token,
    });
    expect(body.count).toBe(9);
  });

  it("removes users, never the owner, and 404s unknown emails", async () => {
    const token = await authtokenFor(emulator, OWNER);
    const removed = await cma(emulator, `/v3/organizations/${ACME}/share`, {
      method: "DELETE",
      authtoken: token,
      body: { emails: ["max.member@acme.test", "pam.pending@acme.test"] },
    });
    expect(removed.status).toBe(200);
    expect(removed.body.removed).toEqual(["max.member@acme.test", "pam.pending@acme.test"]);
    const owner = await cma(emulator, `/v3/organizations/${ACME}/share`, {
      method: "DELETE",
      authtoken: token,
      body: { emails: ["olivia.owner@acme.test"] },
    });
    expect(owner.status).toBe(422);
    const unknown = await cma(emulator, `/v3/organizations/${ACME}/share`, {
      method: "DELETE",
      authtoken: token,
      body: { emails: ["ghost@acme.test"] },
    });
    expect(unknown.status).toBe(404);
    const { body } = await cma(emulator, `/v3/organizations/${ACME}/share?include_count=true`, {
      authtoken: token,
    });
    expect(body.count).toBe(6);
    // A removed person can no longer read the organization.
    const max = await cma(emulator, `/v3/organizations/${ACME}`, {
      authtoken: await authtokenFor(emulator, "blt_user_max"),
    });
    expect(max.status).toBe(403);
  });
});

describe("audit log", () => {
  it("records invites, role changes, acceptances and removals newest first, paginated with count", async () => {
    const token = await authtokenFor(emulator, OWNER);
    await cma(emulator, `/v3/organizations/${ACME}/share`, {
      method: "POST",
      authtoken: token,
      body: { share: { users: { "zed@acme.test": ["blt_role_acme_member"] } } },
    });
    await control(emulator, "PUT", `/organizations/${ACME}/members/mia.member@acme.test/roles`, {
      org_roles: ["blt_role_acme_admin"],
      actor_uid: ADMIN,
    });
    await control(emulator, "POST", `/organizations/${ACME}/members/zed@acme.test/accept`);
    await cma(emulator, `/v3/organizations/${ACME}/share`, {
      method: "DELETE",
      authtoken: token,
      body: { emails: ["max.member@acme.test"] },
    });

    const { status, body } = await cma(emulator, `/v3/organizations/${ACME}/logs`, {
      authtoken: token,
    });
    expect(status).toBe(200);
    expect(body.count).toBe(4);
    expect(body.logs.map((entry: { event_type: string }) => entry.event_type)).toEqual([
      "unshare",
      "accept_share",
      "role_change",
      "share",
    ]);
    expect(body.logs[2]).toMatchObject({
      module: "user",
      created_by: ADMIN,
      metadata: {
        email: "mia.member@acme.test",
        user_uid: MEMBER,
        org_roles: ["blt_role_acme_admin"],
        previous_org_roles: ["blt_role_acme_member"],
      },
    });
    expect(body.logs[3]).toMatchObject({
      created_by: OWNER,
      metadata: { email: "zed@acme.test", user_uid: null },
    });
    const page = await cma(emulator, `/v3/organizations/${ACME}/logs?skip=1&limit=2`, {
      authtoken: token,
    });
    expect(page.body.logs.map((entry: { event_type: string }) => entry.event_type)).toEqual([
      "accept_share",
      "role_change",
    ]);
    expect(page.body.count).toBe(4);
    const member = await cma(emulator, `/v3/organizations/${ACME}/logs`, {
      authtoken: await authtokenFor(emulator, "blt_user_mona"),
    });
    expect(member.status).toBe(403);
  });
});
