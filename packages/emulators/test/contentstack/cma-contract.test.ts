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
  userToken,
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

  it("sorts by the share timestamps in every documented spelling", async () => {
    const token = await authtokenFor(emulator, OWNER);
    await control(emulator, "PUT", `/organizations/${ACME}/members/max.member@acme.test/roles`, {
      org_roles: ["blt_role_acme_admin"],
    });
    for (const spelling of ["updated_at", "update_at"]) {
      const desc = await cma(emulator, `/v3/organizations/${ACME}/share?desc=${spelling}&limit=1`, {
        authtoken: token,
      });
      expect(desc.status).toBe(200);
      expect(desc.body.shares[0].email).toBe("max.member@acme.test");
      const asc = await cma(emulator, `/v3/organizations/${ACME}/share?asc=${spelling}`, {
        authtoken: token,
      });
      expect(asc.body.shares.at(-1).email).toBe("max.member@acme.test");
    }
    const created = await cma(emulator, `/v3/organizations/${ACME}/share?asc=created_at`, {
      authtoken: token,
    });
    expect(created.status).toBe(200);
    const bad = await cma(emulator, `/v3/organizations/${ACME}/share?asc=nope`, {
      authtoken: token,
    });
    expect(bad.status).toBe(400);
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
    // Documented answer: the notice and the removed share objects.
    expect(removed.body).toEqual({
      notice: "The invitation has been deleted successfully.",
      shares: [
        expect.objectContaining({
          email: "max.member@acme.test",
          user_uid: "blt_user_max",
          org_uid: ACME,
          org_roles: ["blt_role_acme_member"],
          status: "accepted",
        }),
        expect.objectContaining({
          email: "pam.pending@acme.test",
          user_uid: null,
          status: "pending",
        }),
      ],
    });
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

const AUDIT_ITEM_KEYS = [
  "created_at",
  "created_by",
  "event_type",
  "metadata",
  "module",
  "org_uid",
  "remote_addr",
  "request",
  "request_id",
  "response",
  "uid",
];

describe("audit log", () => {
  it("logs each membership change with the documented fields and the call's request and response bodies", async () => {
    const token = await authtokenFor(emulator, OWNER);
    await cma(emulator, `/v3/organizations/${ACME}/share`, {
      method: "POST",
      authtoken: token,
      body: {
        share: {
          users: {
            "zed@acme.test": ["blt_role_acme_member"],
            "yan@acme.test": ["blt_role_acme_admin"],
          },
          message: "Hi",
        },
      },
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
    await cma(emulator, `/v3/organizations/${ACME}/transfer-ownership`, {
      method: "POST",
      authtoken: token,
      body: { transfer_to: "adam.admin@acme.test" },
    });

    const { status, body } = await cma(emulator, `/v3/organizations/${ACME}/logs`, {
      authtoken: token,
    });
    expect(status).toBe(200);
    expect(Object.keys(body)).toEqual(["logs"]);
    expect(body.logs.map((entry: { event_type: string }) => entry.event_type)).toEqual([
      "transfer_ownership",
      "unshare",
      "accept_share",
      "role_change",
      "share",
    ]);
    for (const item of body.logs) {
      expect(Object.keys(item).sort()).toEqual(AUDIT_ITEM_KEYS);
      expect(item).toMatchObject({
        uid: expect.any(String),
        org_uid: ACME,
        created_at: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
        request_id: expect.any(String),
        remote_addr: expect.any(String),
      });
    }
    const [transfer, removal, acceptance, roleChange, invite] = body.logs;
    expect(invite).toMatchObject({
      module: "user",
      created_by: OWNER,
      request: {
        share: {
          users: {
            "zed@acme.test": ["blt_role_acme_member"],
            "yan@acme.test": ["blt_role_acme_admin"],
          },
          message: "Hi",
        },
      },
      response: {
        notice: "The invitation has been sent successfully.",
        shares: [
          {
            email: "zed@acme.test",
            user_uid: null,
            status: "pending",
            org_roles: ["blt_role_acme_member"],
          },
          {
            email: "yan@acme.test",
            user_uid: null,
            status: "pending",
            org_roles: ["blt_role_acme_admin"],
          },
        ],
      },
    });
    expect(roleChange).toMatchObject({
      module: "user",
      created_by: ADMIN,
      request: { share: { users: { "mia.member@acme.test": ["blt_role_acme_admin"] } } },
      response: {
        shares: [
          { email: "mia.member@acme.test", user_uid: MEMBER, org_roles: ["blt_role_acme_admin"] },
        ],
      },
      metadata: { previous_org_roles: ["blt_role_acme_member"] },
    });
    expect(acceptance).toMatchObject({
      module: "user",
      created_by: acceptance.response.shares[0].user_uid,
      response: {
        shares: [{ email: "zed@acme.test", status: "accepted", user_uid: expect.any(String) }],
      },
    });
    expect(removal).toMatchObject({
      created_by: OWNER,
      request: { emails: ["max.member@acme.test"] },
      response: {
        notice: "The invitation has been deleted successfully.",
        shares: [
          {
            email: "max.member@acme.test",
            user_uid: "blt_user_max",
            org_roles: ["blt_role_acme_member"],
          },
        ],
      },
    });
    expect(transfer).toMatchObject({
      module: "organization",
      created_by: OWNER,
      request: { transfer_to: "adam.admin@acme.test" },
      response: { notice: expect.any(String) },
      metadata: { owner_uid: ADMIN, previous_owner_uid: OWNER },
    });
    // A later change does not rewrite what an earlier item logged.
    expect(invite.response.shares[0].status).toBe("pending");

    const page = await cma(
      emulator,
      `/v3/organizations/${ACME}/logs?skip=1&limit=2&include_count=true`,
      {
        authtoken: token,
      },
    );
    expect(page.body.logs.map((entry: { event_type: string }) => entry.event_type)).toEqual([
      "unshare",
      "accept_share",
    ]);
    expect(page.body.count).toBe(5);
    const member = await cma(emulator, `/v3/organizations/${ACME}/logs`, {
      authtoken: await authtokenFor(emulator, "blt_user_mona"),
    });
    expect(member.status).toBe(403);
  });

  it("pages 25 items by default", async () => {
    for (let index = 0; index < 27; index++) {
      await control(emulator, "POST", `/organizations/${ACME}/members`, {
        email: `bulk${index}@acme.test`,
        org_roles: ["blt_role_acme_member"],
        status: "pending",
      });
    }
    const token = await authtokenFor(emulator, OWNER);
    const first = await cma(emulator, `/v3/organizations/${ACME}/logs`, { authtoken: token });
    expect(first.body.logs).toHaveLength(25);
    expect(first.body.logs[0].request.share.users).toHaveProperty(["bulk26@acme.test"]);
    const rest = await cma(emulator, `/v3/organizations/${ACME}/logs?skip=25`, {
      authtoken: token,
    });
    expect(rest.body.logs).toHaveLength(2);
  });
});

describe("organizations, resend invitation, transfer ownership", () => {
  it("lists the caller's organizations, and only the token's organization for an OAuth token", async () => {
    const adam = await authtokenFor(emulator, ADMIN);
    const all = await cma(emulator, "/v3/organizations?include_count=true&asc=name", {
      authtoken: adam,
    });
    expect(all.status).toBe(200);
    expect(all.body.count).toBe(2);
    expect(all.body.organizations.map((org: { uid: string }) => org.uid)).toEqual([ACME, GLOBEX]);
    expect(all.body.organizations[0]).toMatchObject({ uid: ACME, name: "Acme Corporation" });
    const owner = await cma(emulator, "/v3/organizations", {
      authtoken: await authtokenFor(emulator, OWNER),
    });
    expect(owner.body.organizations).toEqual([
      expect.objectContaining({ uid: ACME, is_owner: true }),
    ]);
    const tokens = await userToken(emulator, ADMIN, { organization_uid: GLOBEX });
    const bearer = tokens.access_token as string;
    const viaToken = await cma(emulator, "/v3/organizations", { bearer });
    expect(viaToken.body.organizations.map((org: { uid: string }) => org.uid)).toEqual([GLOBEX]);
    expect((await cma(emulator, "/v3/organizations")).status).toBe(401);
  });

  it("resends a pending invitation with a notice, on the documented path and the SDK's", async () => {
    const token = await authtokenFor(emulator, ADMIN);
    const shares = (
      await cma(emulator, `/v3/organizations/${ACME}/share?typeahead=pam`, { authtoken: token })
    ).body.shares;
    const pending = shares[0].uid as string;
    const resent = await cma(
      emulator,
      `/v3/organizations/${ACME}/share/${pending}/resend_invitation`,
      {
        authtoken: token,
      },
    );
    expect(resent.status).toBe(200);
    expect(resent.body).toEqual({ notice: "The invitation has been resent successfully." });
    expect(
      (
        await cma(emulator, `/v3/organizations/${ACME}/${pending}/resend_invitation`, {
          authtoken: token,
        })
      ).status,
    ).toBe(200);
    expect(
      (
        await cma(emulator, `/v3/organizations/${ACME}/share/blt_nope/resend_invitation`, {
          authtoken: token,
        })
      ).status,
    ).toBe(404);
    const accepted = (
      await cma(emulator, `/v3/organizations/${ACME}/share?typeahead=mia`, { authtoken: token })
    ).body.shares[0].uid as string;
    expect(
      (
        await cma(emulator, `/v3/organizations/${ACME}/share/${accepted}/resend_invitation`, {
          authtoken: token,
        })
      ).status,
    ).toBe(422);
    const member = await authtokenFor(emulator, MEMBER);
    expect(
      (
        await cma(emulator, `/v3/organizations/${ACME}/share/${pending}/resend_invitation`, {
          authtoken: member,
        })
      ).status,
    ).toBe(403);
  });

  it("transfers ownership only for the owner, only to an accepted member", async () => {
    const admin = await authtokenFor(emulator, ADMIN);
    const byAdmin = await cma(emulator, `/v3/organizations/${ACME}/transfer-ownership`, {
      method: "POST",
      authtoken: admin,
      body: { transfer_to: "adam.admin@acme.test" },
    });
    expect(byAdmin.status).toBe(403);
    const owner = await authtokenFor(emulator, OWNER);
    const toPending = await cma(emulator, `/v3/organizations/${ACME}/transfer-ownership`, {
      method: "POST",
      authtoken: owner,
      body: { transfer_to: "pam.pending@acme.test" },
    });
    expect(toPending.status).toBe(422);
    expect(
      (
        await cma(emulator, `/v3/organizations/${ACME}/transfer-ownership`, {
          method: "POST",
          authtoken: owner,
          body: {},
        })
      ).status,
    ).toBe(400);
    const moved = await cma(emulator, `/v3/organizations/${ACME}/transfer-ownership`, {
      method: "POST",
      authtoken: owner,
      body: { transfer_to: "MIA.member@acme.test" },
    });
    expect(moved.status).toBe(200);
    expect(moved.body).toEqual({ notice: expect.any(String) });
    const org = (await cma(emulator, `/v3/organizations/${ACME}`, { authtoken: owner })).body
      .organization;
    expect(org.owner_uid).toBe(MEMBER);
    expect(org.is_owner).toBeUndefined();
    // The former owner is still an administrator; the new owner holds the Admin role.
    const shares = (await cma(emulator, `/v3/organizations/${ACME}/share`, { authtoken: owner }))
      .body.shares;
    expect(
      shares.find((share: { email: string }) => share.email === "mia.member@acme.test").org_roles,
    ).toEqual(["blt_role_acme_admin"]);
  });
});
