// The Contentstack additions to the `/_emulator/` control API.
import { useFreshEmulator } from "@lytics-access/emulators/testing";
import { describe, expect, it } from "vitest";

import {
  ACME,
  authtokenFor,
  cma,
  control,
  GLOBEX,
  OWNER,
  startEmulator,
  type Emulator,
} from "./helpers";

let emulator: Emulator;
useFreshEmulator(
  () => startEmulator({ rateLimit: false }),
  (started) => (emulator = started),
);

describe("membership changes", () => {
  it("adds an accepted member, changes the role, removes them; each shows in /share, /user and the log", async () => {
    const added = await control(emulator, "POST", `/organizations/${GLOBEX}/members`, {
      email: "mia.member@acme.test",
      org_roles: ["blt_role_globex_member"],
    });
    expect(added.status).toBe(201);
    const mia = await authtokenFor(emulator, "blt_user_mia");
    expect((await cma(emulator, "/v3/user", { authtoken: mia })).body.user.org_uid).toEqual([
      ACME,
      GLOBEX,
    ]);

    const changed = await control(
      emulator,
      "PUT",
      `/organizations/${GLOBEX}/members/mia.member@acme.test/roles`,
      { org_roles: ["blt_role_globex_admin"] },
    );
    expect(changed.status).toBe(200);
    const user = (await cma(emulator, "/v3/user", { authtoken: mia })).body.user;
    expect(user.organizations[1].org_roles[0].admin).toBe(true);

    expect(
      (await control(emulator, "DELETE", `/organizations/${GLOBEX}/members/mia.member@acme.test`))
        .status,
    ).toBe(204);
    expect((await cma(emulator, "/v3/user", { authtoken: mia })).body.user.org_uid).toEqual([ACME]);

    const gina = await authtokenFor(emulator, "blt_user_gina");
    const logs = (await cma(emulator, `/v3/organizations/${GLOBEX}/logs`, { authtoken: gina }))
      .body;
    expect(logs.logs.map((entry: { event_type: string }) => entry.event_type)).toEqual([
      "unshare",
      "role_change",
      "share",
    ]);
    // Control-API changes are logged like the API calls they stand for.
    expect(logs.logs[2]).toMatchObject({
      org_uid: GLOBEX,
      created_by: "blt_user_gina",
      request: { share: { users: { "mia.member@acme.test": ["blt_role_globex_member"] } } },
      response: { shares: [{ email: "mia.member@acme.test", status: "accepted" }] },
    });
    expect(logs.logs[0]).toMatchObject({
      request: { emails: ["mia.member@acme.test"] },
      response: { shares: [{ email: "mia.member@acme.test", user_uid: "blt_user_mia" }] },
    });
  });

  it("transfers ownership and logs it", async () => {
    const moved = await control(emulator, "POST", `/organizations/${GLOBEX}/transfer-ownership`, {
      transfer_to: "adam.admin@acme.test",
    });
    expect(moved.status).toBe(200);
    const adam = await authtokenFor(emulator, "blt_user_adam");
    const org = (await cma(emulator, `/v3/organizations/${GLOBEX}`, { authtoken: adam })).body;
    expect(org.organization).toMatchObject({ owner_uid: "blt_user_adam", is_owner: true });
    const logs = (await cma(emulator, `/v3/organizations/${GLOBEX}/logs`, { authtoken: adam })).body
      .logs;
    expect(logs[0]).toMatchObject({
      module: "organization",
      event_type: "transfer_ownership",
      request: { transfer_to: "adam.admin@acme.test" },
      metadata: { owner_uid: "blt_user_adam", previous_owner_uid: "blt_user_gina" },
    });
  });

  it("invites and accepts, creating the account for an unknown email", async () => {
    await control(emulator, "POST", `/organizations/${ACME}/members`, {
      email: "newbie@acme.test",
      org_roles: ["blt_role_acme_member"],
      status: "pending",
    });
    const accepted = await control(
      emulator,
      "POST",
      `/organizations/${ACME}/members/newbie@acme.test/accept`,
    );
    const share = ((await accepted.json()) as { share: { status: string; user_uid: string } })
      .share;
    expect(share.status).toBe("accepted");
    const token = await authtokenFor(emulator, share.user_uid);
    expect((await cma(emulator, `/v3/organizations/${ACME}`, { authtoken: token })).status).toBe(
      200,
    );
    expect(
      (await control(emulator, "POST", `/organizations/${ACME}/members/newbie@acme.test/accept`))
        .status,
    ).toBe(422);
  });

  it("rejects bad input with field errors", async () => {
    const response = await control(emulator, "POST", `/organizations/${ACME}/members`, {
      email: "not-an-email",
      org_roles: [],
    });
    expect(response.status).toBe(400);
    const body = (await response.json()) as { errors: Record<string, string[]> };
    expect(Object.keys(body.errors).sort()).toEqual(["email", "org_roles"]);
    expect(
      (
        await control(emulator, "POST", `/organizations/blt_org_nope/members`, {
          email: "a@b.test",
          org_roles: ["x"],
        })
      ).status,
    ).toBe(404);
  });
});

describe("data activation layer, sessions, reset", () => {
  it("creates and deletes the DAL", async () => {
    const gina = await authtokenFor(emulator, "blt_user_gina");
    await control(emulator, "PUT", `/organizations/${GLOBEX}/data-activation-layer`, {
      title: "Globex DAL",
      domain: "globex.test",
    });
    expect(
      (
        await cma(emulator, `/v3/organizations/${GLOBEX}/data_activation_layer`, {
          authtoken: gina,
        })
      ).body.data_activation_layer,
    ).toMatchObject({ title: "Globex DAL", created_by: "blt_user_gina" });
    await control(emulator, "DELETE", `/organizations/${GLOBEX}/data-activation-layer`);
    expect(
      (
        await cma(emulator, `/v3/organizations/${GLOBEX}/data_activation_layer`, {
          authtoken: gina,
        })
      ).body.data_activation_layer,
    ).toBeNull();
  });

  it("refuses a session for an unknown person, and reset ends sessions and restores the fixture", async () => {
    expect(
      (await control(emulator, "POST", "/sessions", { user_uid: "blt_user_nobody" })).status,
    ).toBe(404);
    const token = await authtokenFor(emulator, OWNER);
    await cma(emulator, `/v3/organizations/${ACME}/share`, {
      method: "DELETE",
      authtoken: token,
      body: { emails: ["mia.member@acme.test"] },
    });
    await control(emulator, "POST", "/reset");
    expect((await cma(emulator, "/v3/user", { authtoken: token })).status).toBe(401);
    const fresh = await authtokenFor(emulator, OWNER);
    const { body } = await cma(emulator, `/v3/organizations/${ACME}/share?include_count=true`, {
      authtoken: fresh,
    });
    expect(body.count).toBe(8);
    expect(
      (
        await cma(emulator, `/v3/organizations/${ACME}/logs?include_count=true`, {
          authtoken: fresh,
        })
      ).body.count,
    ).toBe(0);
  });

  it("injects faults with the CMA error body", async () => {
    await control(emulator, "POST", "/faults", {
      route: "/v3/organizations/:org_uid/share",
      times: 1,
      fault: { kind: "status", status: 503 },
    });
    const token = await authtokenFor(emulator, OWNER);
    const failed = await cma(emulator, `/v3/organizations/${ACME}/share`, { authtoken: token });
    expect(failed.status).toBe(503);
    expect(failed.body).toMatchObject({ error_message: expect.any(String), error_code: 503 });
    expect(
      (await cma(emulator, `/v3/organizations/${ACME}/share`, { authtoken: token })).status,
    ).toBe(200);
  });
});

describe("controlApi: false", () => {
  it("serves no /_emulator/ routes", async () => {
    const closed = await startEmulator({ controlApi: false });
    try {
      const response = await fetch(`${closed.url}/_emulator/sessions`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: "{}",
      });
      expect(response.status).toBe(404);
    } finally {
      await closed.close();
    }
  });
});
