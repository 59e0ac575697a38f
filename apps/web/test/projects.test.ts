import { describe, expect, it, beforeAll } from "vitest";

import {
  createProjectHandler,
  listProjectsHandler,
} from "../src/lib/server/projects/projects-collection";
import {
  deleteProjectHandler,
  getProjectHandler,
  updateProjectHandler,
} from "../src/lib/server/projects/project-item";
import { changeConnectionHandler } from "../src/lib/server/projects/project-connections";
import {
  changeCollaboratorHandler,
  inviteCollaboratorsHandler,
} from "../src/lib/server/projects/collaborators";
import { ACME, OLIVIA, MIA, appRequest } from "./support/harness";
import { useFullHarness, type AppSession } from "./support/full-harness";

// DESIGN §3.3 (seed 002) as the Projects pages and their handlers apply it, signed in through the
// emulated Contentstack as each person of the Acme fixture, against the emulated Lytics.
const h = useFullHarness();

const ACME_CORP = "66ac00000000000000001001"; // owner Adam; Olivia, Adam Admin; Mia, Gus Observer
const CAMPAIGNS = "66ac00000000000000001002"; // owner Max (Admin); Mona Marketer + Audience Manager; Ada Observer
const PEOPLE = {
  olivia: OLIVIA.uid, // organization Owner
  ada: "blt_user_ada", // organization Admin
  max: "blt_user_max", // Member, owner of Acme Campaigns
  mona: "blt_user_mona", // Member, collaborator on Acme Campaigns (Authorizations, no Admin)
  mia: MIA.uid, // Member, Observer on Acme Corporation, not on Acme Campaigns
  gus: "blt_user_gus", // Guest, Observer on Acme Corporation
} as const;
type Who = keyof typeof PEOPLE;

const sessions = {} as Record<Who, AppSession>;

beforeAll(async () => {
  // The organization's credential: the Guest mark is read with it, and the sync is asked with it.
  await h.connectOrganization(OLIVIA.uid, OLIVIA.email);
  for (const who of Object.keys(PEOPLE) as Who[]) sessions[who] = await h.signIn(PEOPLE[who]);
});

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

function req(
  who: Who,
  path: string,
  init: { method?: string; body?: unknown; ifMatch?: string } = {},
): Request {
  const session = sessions[who];
  const method = init.method ?? "GET";
  const request = appRequest(path, {
    method,
    cookie: session.cookie,
    ...(method === "GET" ? { origin: null } : { csrf: session.csrf }),
    ...(init.body === undefined ? {} : { body: init.body }),
  });
  if (init.ifMatch) request.headers.set("if-match", init.ifMatch);
  return request;
}

async function read(response: Response): Promise<{ status: number; body: Json }> {
  return { status: response.status, body: (await response.json()) as Json };
}

const detail = async (who: Who, uid: string) =>
  read(await getProjectHandler(h.svc, req(who, `/api/projects/${uid}`)));

describe("who sees which projects (seed 002: view project list)", () => {
  it.each([
    ["olivia", [ACME_CORP, CAMPAIGNS], true],
    ["ada", [ACME_CORP, CAMPAIGNS], true],
    ["max", [CAMPAIGNS], true],
    ["mona", [CAMPAIGNS], true],
    ["mia", [ACME_CORP], true],
    ["gus", [ACME_CORP], false],
  ] as const)("%s sees %j; may create: %s", async (who, uids, mayCreate) => {
    const { status, body } = await read(
      await listProjectsHandler(h.svc, req(who, "/api/projects")),
    );
    expect(status).toBe(200);
    expect(body.projects.map((p: Json) => p.uid).sort()).toEqual([...uids].sort());
    expect(body.create.allowed).toBe(mayCreate);
    if (!mayCreate) {
      expect(body.create.rule).toBe("project.create.org-member");
      expect(body.create.reasons[0]).toMatch(/Guests only get what a project grants them/);
    }
    // Owners and Admins see every project; a Member is told how many they are not shown.
    expect(body.hiddenCount).toBe(who === "olivia" || who === "ada" ? null : 2 - uids.length);
  });

  it("a project a person may not manage carries the Request access link; one they manage does not", async () => {
    const mia = (await read(await listProjectsHandler(h.svc, req("mia", "/api/projects")))).body;
    expect(mia.projects[0]).toMatchObject({
      uid: ACME_CORP,
      access: "Collaborator: Observer",
      requestAccessHref: `/requests/new?project=${ACME_CORP}`,
    });
    expect(mia.projects[0].manage).toMatchObject({
      allowed: false,
      rule: "project.precedence.denied",
    });
    const max = (await read(await listProjectsHandler(h.svc, req("max", "/api/projects")))).body;
    expect(max.projects[0]).toMatchObject({
      access: "Project owner: full access",
      requestAccessHref: null,
    });
  });

  it("a project the person may not see is not found, with the way to ask for access", async () => {
    for (const who of ["mia", "gus"] as const) {
      const { status, body } = await detail(who, CAMPAIGNS);
      expect(status).toBe(404);
      expect(body.requestAccessHref).toBe(`/requests/new?project=${CAMPAIGNS}`);
      expect(body.reasons[0]).toMatch(/only the projects they are on or own/);
    }
  });

  it("no session, no projects", async () => {
    const response = await listProjectsHandler(
      h.svc,
      appRequest("/api/projects", { method: "GET", origin: null }),
    );
    expect(response.status).toBe(401);
  });
});

// [who, project, edit, connections, invite, delete]: DESIGN §3.3's table for the fixture.
const GATES: ReadonlyArray<readonly [Who, string, boolean, boolean, boolean, boolean]> = [
  ["olivia", ACME_CORP, true, true, true, true],
  ["olivia", CAMPAIGNS, true, true, true, true],
  ["ada", ACME_CORP, true, true, true, true],
  ["ada", CAMPAIGNS, true, true, true, true],
  ["max", CAMPAIGNS, true, true, true, true],
  // Marketer + Audience Manager grant Authorizations (connections) but not Edit Account, Invite
  // User or Manage User Roles; a collaborator never deletes.
  ["mona", CAMPAIGNS, false, true, false, false],
  ["mia", ACME_CORP, false, false, false, false],
  ["gus", ACME_CORP, false, false, false, false],
];

describe("each action shown or refused as DESIGN §3.3 says", () => {
  it.each(GATES)(
    "%s on %s: edit %s, connections %s, invite %s, delete %s",
    async (who, uid, edit, connections, invite, del) => {
      const { status, body } = await detail(who, uid);
      expect(status).toBe(200);
      const { actions } = body;
      expect([
        actions.edit.allowed,
        actions.connections.allowed,
        actions.invite.allowed,
        actions.delete.allowed,
      ]).toEqual([edit, connections, invite, del]);
      for (const gate of Object.values(actions) as Json[]) {
        expect(gate.reasons.length).toBeGreaterThan(0);
        if (!gate.allowed)
          expect(["project.precedence.denied", "project.delete.collaborator-never"]).toContain(
            gate.rule,
          );
      }
      if (!del) expect(actions.delete.rule).toBe("project.delete.collaborator-never");
      // Someone who may not manage the project is offered the request for more access.
      expect(body.requestAccessHref).toBe(
        edit || invite ? null : `/requests/new?project=${encodeURIComponent(uid)}`,
      );
      // The role picker offers the project's roles with Lytics' description and what each grants.
      const observer = body.roles.find((r: Json) => r.slug === "observer");
      expect(observer.name).toBe("Observer");
      expect(observer.description).toMatch(/Read-only/);
      expect(observer.grants).toContain("Audiences (without PII): View");
    },
  );

  it("the server refuses what the page disables, with the rule and the reasons", async () => {
    const monaView = (await detail("mona", CAMPAIGNS)).body;
    const edit = await read(
      await updateProjectHandler(
        h.svc,
        req("mona", `/api/projects/${CAMPAIGNS}`, {
          method: "PUT",
          body: { name: "Mona's" },
          ifMatch: monaView.etag,
        }),
      ),
    );
    expect(edit.status).toBe(403);
    expect(edit.body).toMatchObject({ error: "forbidden", rule: "project.precedence.denied" });
    expect(edit.body.reasons[0]).toMatch(/needs account.edit/);

    const del = await read(
      await deleteProjectHandler(
        h.svc,
        req("mona", `/api/projects/${CAMPAIGNS}`, {
          method: "DELETE",
          body: { confirmName: "Acme Campaigns" },
          ifMatch: monaView.etag,
        }),
      ),
    );
    expect(del.status).toBe(403);
    expect(del.body.rule).toBe("project.delete.collaborator-never");

    const invite = await read(
      await inviteCollaboratorsHandler(
        h.svc,
        req("mona", `/api/projects/${CAMPAIGNS}/collaborators`, {
          method: "POST",
          body: { emails: ["mia.member@acme.test"], roles: ["observer"] },
        }),
        h.link,
      ),
    );
    expect(invite.status).toBe(403);
    expect(invite.body.rule).toBe("project.precedence.denied");
    expect(invite.body.reasons[0]).toMatch(/account.invite-user/);

    const miaView = (await detail("mia", ACME_CORP)).body;
    const connect = await read(
      await changeConnectionHandler(
        h.svc,
        req("mia", `/api/projects/${ACME_CORP}/connections`, {
          method: "POST",
          body: { kind: "launch", id: "launch_1" },
          ifMatch: miaView.etag,
        }),
      ),
    );
    expect(connect.status).toBe(403);
    expect(connect.body.rule).toBe("project.precedence.denied");

    const create = await read(
      await createProjectHandler(
        h.svc,
        req("gus", "/api/projects", {
          method: "POST",
          body: { name: "Gus's", domain: "gus.example.com" },
        }),
      ),
    );
    expect(create.status).toBe(403);
    expect(create.body.rule).toBe("project.create.org-member");

    // A change without the session's CSRF token is refused before anything else.
    const forged = appRequest(`/api/projects/${CAMPAIGNS}`, {
      method: "PUT",
      cookie: sessions.olivia.cookie,
      body: { name: "x" },
    });
    expect((await updateProjectHandler(h.svc, forged)).status).toBe(403);
  });
});

describe("connections", () => {
  it("a collaborator whose roles grant Authorizations adds and removes a Launch project", async () => {
    const before = (await detail("mona", CAMPAIGNS)).body;
    const added = await read(
      await changeConnectionHandler(
        h.svc,
        req("mona", `/api/projects/${CAMPAIGNS}/connections`, {
          method: "POST",
          body: { kind: "launch", id: "launch_campaigns" },
          ifMatch: before.etag,
        }),
      ),
    );
    expect(added.status).toBe(200);
    expect(added.body.project.connections.launchProjectUids).toEqual(["launch_campaigns"]);
    // The version Mona edited is gone: the same request again is a stale edit.
    const again = await changeConnectionHandler(
      h.svc,
      req("mona", `/api/projects/${CAMPAIGNS}/connections`, {
        method: "POST",
        body: { kind: "personalize", id: "p13n_1" },
        ifMatch: before.etag,
      }),
    );
    expect(again.status).toBe(409);
    // A stack already linked to another project of the organization: the API's field error.
    const duplicate = await read(
      await changeConnectionHandler(
        h.svc,
        req("max", `/api/projects/${CAMPAIGNS}/connections`, {
          method: "POST",
          body: { kind: "stack", id: "blt5d4c3b2a1f0e9d8c" },
          ifMatch: added.body.etag,
        }),
      ),
    );
    expect(duplicate.status).toBe(400);
    expect(duplicate.body.fields["connections.stackApiKeys"][0].code).toBe(
      "lytics.PROJECTS.DUPLICATE_CONNECTION",
    );
    const removed = await read(
      await changeConnectionHandler(
        h.svc,
        req("mona", `/api/projects/${CAMPAIGNS}/connections`, {
          method: "DELETE",
          body: { kind: "launch", id: "launch_campaigns" },
          ifMatch: added.body.etag,
        }),
      ),
    );
    expect(removed.status).toBe(200);
    expect(removed.body.project.connections.launchProjectUids).toEqual([]);
  });
});

describe("editing a project", () => {
  it("field errors from the API beside the field, a stale edit refused with 409, If-Match required", async () => {
    const { etag } = (await detail("max", CAMPAIGNS)).body;
    const put = (body: unknown, ifMatch?: string) =>
      updateProjectHandler(
        h.svc,
        req("max", `/api/projects/${CAMPAIGNS}`, {
          method: "PUT",
          body,
          ...(ifMatch ? { ifMatch } : {}),
        }),
      );
    const cases: Array<[unknown, string, string]> = [
      [{ name: "  " }, "name", "lytics.PROJECTS.NOT_EMPTY"],
      [{ name: "x".repeat(201) }, "name", "lytics.PROJECTS.MAX_CHAR_LIMIT"],
      [{ name: "Acme Corporation" }, "name", "lytics.PROJECTS.DUPLICATE_PROJECT_NAME"],
      [{ description: "d".repeat(256) }, "description", "lytics.PROJECTS.MAX_CHAR_LIMIT"],
    ];
    for (const [body, field, code] of cases) {
      const answer = await read(await put(body, etag));
      expect(answer.status).toBe(400);
      expect(answer.body.error).toBe("invalid-fields");
      expect(answer.body.fields[field][0].code).toBe(code);
      expect(answer.body.fields[field][0].message.length).toBeGreaterThan(0);
    }
    expect((await put({ name: "Campaigns" })).status).toBe(428);

    const saved = await read(await put({ description: "Paid campaigns" }, etag));
    expect(saved.status).toBe(200);
    expect(saved.body.project.description).toBe("Paid campaigns");
    // Olivia had the page open from before Max saved: her save is refused, not applied.
    const stale = await read(
      await updateProjectHandler(
        h.svc,
        req("olivia", `/api/projects/${CAMPAIGNS}`, {
          method: "PUT",
          body: { description: "Olivia's words" },
          ifMatch: etag,
        }),
      ),
    );
    expect(stale.status).toBe(409);
    expect(stale.body.error).toBe("stale-edit");
    expect(stale.body.current.project.description).toBe("Paid campaigns");
    expect((await detail("olivia", CAMPAIGNS)).body.project.description).toBe("Paid campaigns");
    // The form sends every field; an emptied description is saved as empty.
    const whole = await read(
      await put(
        { name: "Acme Campaigns", domain: saved.body.project.domain, description: "" },
        saved.body.etag,
      ),
    );
    expect(whole.status).toBe(200);
    expect(whole.body.project.description).toBe("");
  });
});

describe("creating and deleting", () => {
  it("a Member creates a project and owns it; deleting needs its name typed", async () => {
    const created = await read(
      await createProjectHandler(
        h.svc,
        req("mia", "/api/projects", {
          method: "POST",
          body: { name: "Mia's Lab", domain: "lab.acme.test", description: "Tests" },
        }),
      ),
    );
    expect(created.status).toBe(201);
    const uid = created.body.project.uid as string;
    expect((await h.svc.projectOwners.get(ACME, uid))?.userUid).toBe(PEOPLE.mia);
    const view = (await detail("mia", uid)).body;
    expect(view.access).toBe("Project owner: full access");
    expect(view.actions.delete.allowed).toBe(true);
    expect(view.actions.delete.rule).toBe("project.precedence.project-owner");

    const duplicate = await read(
      await createProjectHandler(
        h.svc,
        req("olivia", "/api/projects", {
          method: "POST",
          body: { name: "Mia's Lab", domain: "" },
        }),
      ),
    );
    expect(duplicate.status).toBe(400);
    expect(duplicate.body.fields.domain[0].code).toBe("lytics.PROJECTS.NOT_EMPTY");
    // The organization's quota (three projects, the Data & Insights FAQ) is Lytics' refusal, cited.
    const quota = await read(
      await createProjectHandler(
        h.svc,
        req("olivia", "/api/projects", {
          method: "POST",
          body: { name: "Fourth", domain: "fourth.acme.test" },
        }),
      ),
    );
    expect(quota.status).toBe(403);
    expect(quota.body.rule).toBe("lytics.PROJECTS.MAX_PROJECT_LIMIT_REACHED");
    expect(quota.body.reasons[0]).toMatch(/refused by Data & Insights/);

    const remove = (confirmName: string) =>
      deleteProjectHandler(
        h.svc,
        req("mia", `/api/projects/${uid}`, {
          method: "DELETE",
          body: { confirmName },
          ifMatch: view.etag,
        }),
      );
    const wrong = await read(await remove("Mias Lab"));
    expect(wrong.status).toBe(400);
    expect(wrong.body.fields.confirmName[0].message).toMatch(/Mia's Lab/);
    expect((await remove("Mia's Lab")).status).toBe(200);
    expect(await h.svc.projectOwners.get(ACME, uid)).toBeNull();
    expect((await detail("mia", uid)).status).toBe(404);
    // Lytics keeps no history the app can read: the audit log says who created and deleted it.
    const audited = (await h.svc.auditLog.read(ACME, { kinds: ["project-changed"] })).entries
      .filter((entry) => entry.kind === "project-changed" && entry.projectUid === uid)
      .map((entry) => (entry.kind === "project-changed" ? [entry.change, entry.actor] : []));
    expect(audited).toEqual(
      expect.arrayContaining([
        ["created", expect.objectContaining({ uid: PEOPLE.mia })],
        ["deleted", expect.objectContaining({ uid: PEOPLE.mia })],
      ]),
    );
    expect(audited).toHaveLength(2);
  });
});

describe("collaborators", () => {
  it("an invitation with an expiry becomes a grant the sync enforces, and asks the sync at once", async () => {
    const expiresAt = Date.now() + 7 * 24 * 3600_000;
    const invite = (body: unknown) =>
      inviteCollaboratorsHandler(
        h.svc,
        req("max", `/api/projects/${CAMPAIGNS}/collaborators`, { method: "POST", body }),
        h.link,
      );
    const past = await read(
      await invite({ emails: ["mia.member@acme.test"], roles: ["observer"], expiresAt: 1000 }),
    );
    expect(past.status).toBe(400);
    expect(past.body.fields.expiresAt[0].code).toBe("in-the-past");
    const unknown = await read(
      await invite({ emails: ["mia.member@acme.test"], roles: ["wizard"] }),
    );
    expect(unknown.status).toBe(400);
    expect(unknown.body.fields.roles[0].code).toBe("lytics.ROLES.UNKNOWN_ROLE");
    const badEmail = await read(await invite({ emails: ["not-an-email"], roles: ["observer"] }));
    expect(badEmail.status).toBe(400);
    expect(Object.keys(badEmail.body.fields)).toEqual(["emails"]);

    const answer = await read(
      await invite({
        emails: ["mia.member@acme.test"],
        roles: ["observer"],
        message: "For the Q3 review",
        expiresAt,
      }),
    );
    expect(answer.status).toBe(201);
    expect(answer.body.invited[0]).toMatchObject({ userUid: PEOPLE.mia, roles: ["observer"] });
    expect(answer.body.syncJobId).toEqual(expect.any(String));
    const [grant] = (await h.svc.grants.listByProject(ACME, CAMPAIGNS)).filter(
      (g) => g.email === "mia.member@acme.test",
    );
    expect(grant).toMatchObject({
      roles: ["observer"],
      expiresAt,
      userUid: PEOPLE.mia,
      source: "app",
      grantedBy: { type: "person", uid: PEOPLE.max },
    });
    const audit = await h.svc.auditLog.read(ACME, {
      kinds: ["grant-saved"],
      projectUid: CAMPAIGNS,
    });
    expect(audit.entries.map((e) => (e as { grantId?: string }).grantId)).toContain(grant?.id);
    // The page shows the expiry beside her row, and Mia now sees the project.
    const row = (await detail("max", CAMPAIGNS)).body.collaborators.find(
      (c: Json) => c.userUid === PEOPLE.mia,
    );
    expect(row).toMatchObject({ expiresAt, hasGrant: true });
    expect((await detail("mia", CAMPAIGNS)).status).toBe(200);
  });

  it("the last Admin cannot be removed or demoted, whoever asks", async () => {
    const view = (await detail("olivia", CAMPAIGNS)).body;
    const max = view.collaborators.find((c: Json) => c.userUid === PEOPLE.max);
    expect(max.lastAdmin).toBe(true);
    expect(max.remove).toMatchObject({ allowed: false, rule: "project.guard.last-admin" });
    const removal = await read(
      await changeCollaboratorHandler(
        h.svc,
        req("olivia", `/api/projects/${CAMPAIGNS}/collaborators/${PEOPLE.max}`, {
          method: "DELETE",
          ifMatch: max.etag,
        }),
        h.link,
      ),
    );
    expect(removal.status).toBe(403);
    expect(removal.body.rule).toBe("project.guard.last-admin");
    expect(removal.body.reasons[0]).toMatch(/last person with Admin/);
    const demotion = await read(
      await changeCollaboratorHandler(
        h.svc,
        req("olivia", `/api/projects/${CAMPAIGNS}/collaborators/${PEOPLE.max}`, {
          method: "PUT",
          body: { roles: ["observer"] },
          ifMatch: max.etag,
        }),
        h.link,
      ),
    );
    expect(demotion.status).toBe(403);
    expect(demotion.body.rule).toBe("project.guard.last-admin");
    // Inviting someone already on the project replaces their roles: guarded alike.
    const reinvite = await read(
      await inviteCollaboratorsHandler(
        h.svc,
        req("olivia", `/api/projects/${CAMPAIGNS}/collaborators`, {
          method: "POST",
          body: { emails: ["max.member@acme.test"], roles: ["observer"] },
        }),
        h.link,
      ),
    );
    expect(reinvite.status).toBe(403);
    expect(reinvite.body.rule).toBe("project.guard.last-admin");
    const still = (await detail("olivia", CAMPAIGNS)).body.collaborators.find(
      (c: Json) => c.userUid === PEOPLE.max,
    );
    expect(still.roles).toEqual(["admin"]);
  });

  it("a collaborator with Admin manages roles but cannot touch the project owner; stale changes are refused", async () => {
    // Olivia makes Mona an Admin of Acme Corporation (owner Adam).
    const invited = await inviteCollaboratorsHandler(
      h.svc,
      req("olivia", `/api/projects/${ACME_CORP}/collaborators`, {
        method: "POST",
        body: { emails: ["mona.member@acme.test"], roles: ["admin"] },
      }),
      h.link,
    );
    expect(invited.status).toBe(201);
    const view = (await detail("mona", ACME_CORP)).body;
    expect(view.access).toBe("Collaborator: Admin");
    expect(view.actions.invite.allowed).toBe(true);
    const adam = view.collaborators.find((c: Json) => c.userUid === "blt_user_adam");
    expect(adam.isProjectOwner).toBe(true);
    expect(adam.remove).toMatchObject({ allowed: false, rule: "project.guard.owner-protected" });
    expect(adam.changeRole.rule).toBe("project.guard.owner-protected");
    const touchOwner = await read(
      await changeCollaboratorHandler(
        h.svc,
        req("mona", `/api/projects/${ACME_CORP}/collaborators/blt_user_adam`, {
          method: "DELETE",
          ifMatch: adam.etag,
        }),
        h.link,
      ),
    );
    expect(touchOwner.status).toBe(403);
    expect(touchOwner.body.rule).toBe("project.guard.owner-protected");
    expect(touchOwner.body.reasons[0]).toMatch(/project owner/);

    const mia = view.collaborators.find((c: Json) => c.userUid === PEOPLE.mia);
    expect(mia.changeRole.allowed).toBe(true);
    const change = (ifMatch: string) =>
      changeCollaboratorHandler(
        h.svc,
        req("mona", `/api/projects/${ACME_CORP}/collaborators/${PEOPLE.mia}`, {
          method: "PUT",
          body: { roles: ["observer", "user_search"] },
          ifMatch,
        }),
        h.link,
      );
    const changed = await read(await change(mia.etag));
    expect(changed.status).toBe(200);
    const after = (await detail("mona", ACME_CORP)).body.collaborators.find(
      (c: Json) => c.userUid === PEOPLE.mia,
    );
    expect(after.roles).toEqual(["observer", "user_search"]);
    const grant = (await h.svc.grants.listByPerson(ACME, { email: MIA.email })).find(
      (g) => g.projectUid === ACME_CORP,
    );
    expect(grant?.roles).toEqual(["observer", "user_search"]);
    // The same change from the version read before it: refused, nothing overwritten.
    const stale = await read(await change(mia.etag));
    expect(stale.status).toBe(409);
    expect(stale.body.current.roles).toEqual(["observer", "user_search"]);

    const removed = await changeCollaboratorHandler(
      h.svc,
      req("mona", `/api/projects/${ACME_CORP}/collaborators/${PEOPLE.mia}`, {
        method: "DELETE",
        ifMatch: after.etag,
      }),
      h.link,
    );
    expect(removed.status).toBe(200);
    expect(
      (await h.svc.grants.listByPerson(ACME, { email: MIA.email })).some(
        (g) => g.projectUid === ACME_CORP,
      ),
    ).toBe(false);
    expect((await detail("mia", ACME_CORP)).status).toBe(404);
  });

  it("an org Owner may remove the project owner (not the last Admin), and is told the sync keeps the owner Admin", async () => {
    const view = (await detail("olivia", ACME_CORP)).body;
    const adam = view.collaborators.find((c: Json) => c.userUid === "blt_user_adam");
    expect(adam.remove).toMatchObject({ allowed: true, rule: "project.guard.passed" });
    const removed = await read(
      await changeCollaboratorHandler(
        h.svc,
        req("olivia", `/api/projects/${ACME_CORP}/collaborators/blt_user_adam`, {
          method: "DELETE",
          ifMatch: adam.etag,
        }),
        h.link,
      ),
    );
    expect(removed.status).toBe(200);
    expect(removed.body.notes[0]).toMatch(/still the project's owner/);
  });
});
