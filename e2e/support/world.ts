// The world the suites run in: the shipped fixture (Acme, Globex and their people, as `npm start`
// serves it) plus people and an organization that belong to one test each, so a test that
// removes, promotes or signs someone in for the first time changes nobody another test reads.
import type { Fixture } from "@lytics-access/emulators";

export const ACME = { uid: "blt_org_acme", name: "Acme Corporation" } as const;
export const GLOBEX = { uid: "blt_org_globex", name: "Globex" } as const;
export const INITECH = { uid: "blt_org_initech", name: "Initech" } as const;

/** Acme's projects (Lytics accounts) in the shipped fixture. */
export const ACME_WEB = { uid: "66ac00000000000000001001", aid: 1001, name: "Acme Corporation" };
export const ACME_CAMPAIGNS = {
  uid: "66ac00000000000000001002",
  aid: 1002,
  name: "Acme Campaigns",
};
export const INITECH_MAIN = { uid: "66ac00000000000000001003", aid: 1003, name: "Initech" };

export interface Person {
  readonly uid: string;
  readonly email: string;
  readonly first: string;
  readonly last: string;
}
const person = (uid: string, first: string, last: string, email: string): Person => ({
  uid,
  email,
  first,
  last,
});

/** People of the shipped fixture. */
export const OLIVIA = person("blt_user_olivia", "Olivia", "Owner", "olivia.owner@acme.test");
export const ADAM = person("blt_user_adam", "Adam", "Admin", "adam.admin@acme.test");
export const ADA = person("blt_user_ada", "Ada", "Admin", "ada.admin@acme.test");
export const MIA = person("blt_user_mia", "Mia", "Member", "mia.member@acme.test");
export const MAX = person("blt_user_max", "Max", "Member", "max.member@acme.test");
export const MONA = person("blt_user_mona", "Mona", "Member", "mona.member@acme.test");
export const GUS = person("blt_user_gus", "Gus", "Guest", "gus.guest@partner.test");
export const GINA = person("blt_user_gina", "Gina", "Owner", "gina.owner@globex.test");

/** Added for the suites; each is used by one test only. */
export const CORA = person("e2e_user_cora", "Cora", "Consent", "cora.consent@acme.test");
export const RAY = person("e2e_user_ray", "Ray", "Refresh", "ray.refresh@acme.test");
export const RUTH = person("e2e_user_ruth", "Ruth", "Removed", "ruth.removed@acme.test");
export const LOU = person("e2e_user_lou", "Lou", "Logout", "lou.logout@acme.test");
export const LENA = person("e2e_user_lena", "Lena", "Loop", "lena.loop@acme.test");
export const NINA = person("e2e_user_nina", "Nina", "Noproject", "nina.noproject@acme.test");
export const PETE = person("e2e_user_pete", "Pete", "Promoted", "pete.promoted@acme.test");
export const REX = person("e2e_user_rex", "Rex", "Removable", "rex.removable@acme.test");
export const AUDREY = person(
  "e2e_user_audrey",
  "Audrey",
  "Audienceless",
  "audrey.audienceless@acme.test",
);
export const IVAN = person("e2e_user_ivan", "Ivan", "Owner", "ivan.owner@initech.test");
export const INITECH_ADMINS = [
  person("e2e_user_irene", "Irene", "Admin", "irene.admin@initech.test"),
  person("e2e_user_ike", "Ike", "Admin", "ike.admin@initech.test"),
  person("e2e_user_ines", "Ines", "Admin", "ines.admin@initech.test"),
] as const;

/** The Admin level's Editor bundle (DESIGN §3.1), as the sync writes it. */
export const EDITOR_BUNDLE = [
  "segment_manager",
  "content_manager",
  "report_viewer",
  "experience_manager",
  "goal_manager",
];

const ACME_MEMBER_ROLE = "blt_role_acme_member";
export const ACME_ADMIN_ROLE = "blt_role_acme_admin";
const ACME_MEMBERS_ADDED = [CORA, RAY, RUTH, LOU, LENA, NINA, PETE, REX, AUDREY];

function member(p: Person, role: string, invitedBy: string, index: number) {
  return {
    uid: `e2e_share_${p.uid}`,
    email: p.email,
    user_uid: p.uid,
    org_roles: [role],
    status: "accepted" as const,
    invited_by: invitedBy,
    invited_at: new Date(Date.UTC(2026, 8, 1 + index)).toISOString(),
  };
}

function fixturePerson(p: Person) {
  return { uid: p.uid, email: p.email, first_name: p.first, last_name: p.last };
}

function lyticsUser(p: Person, roles: string[]) {
  return {
    id: `lu_${p.uid}`,
    email: p.email,
    name: `${p.first} ${p.last}`,
    cs_user_uid: p.uid,
    roles,
  };
}

/** The shipped fixture with the suites' people and Initech (for the mass removal) added. */
export function e2eFixture(base: Fixture): Fixture {
  const organizations = base.organizations.map((org) =>
    org.uid === ACME.uid
      ? {
          ...org,
          members: [
            ...org.members,
            ...ACME_MEMBERS_ADDED.map((p, i) => member(p, ACME_MEMBER_ROLE, OLIVIA.uid, i)),
          ],
        }
      : org,
  );
  const initech = {
    uid: INITECH.uid,
    name: INITECH.name,
    owner_uid: IVAN.uid,
    data_activation_layer: {
      created_by: IVAN.uid,
      created_at: "2026-02-01T09:00:00.000Z",
      title: "Initech DAL",
      domain: "initech.test",
    },
    roles: [
      { uid: "blt_role_initech_admin", name: "Admin", description: "Administrator", admin: true },
      {
        uid: "blt_role_initech_member",
        name: "Member",
        description: "Member",
        admin: false,
        default: true,
      },
    ],
    members: [IVAN, ...INITECH_ADMINS].map((p, i) =>
      member(p, "blt_role_initech_admin", IVAN.uid, i),
    ),
  };
  const accounts = base.lytics.accounts.map((account) =>
    account.aid === ACME_WEB.aid
      ? {
          ...account,
          users: [
            ...account.users,
            lyticsUser(REX, ["observer"]),
            // A role that sees no audiences (seed 001): the "Missing audiences" case.
            lyticsUser(AUDREY, ["content_manager"]),
          ],
        }
      : account,
  );
  const initechAccount = {
    aid: INITECH_MAIN.aid,
    account_id: "ac000000000000000000000000001003",
    project_uid: INITECH_MAIN.uid,
    organization_uid: INITECH.uid,
    name: INITECH_MAIN.name,
    domain: "initech.test",
    description: "Initech's website",
    owner_uid: IVAN.uid,
    created_at: "2026-02-01T09:30:00.000Z",
    api_tokens: ["at.initech.local-token-0003"],
    roles_available: null,
    users: [
      lyticsUser(IVAN, ["admin"]),
      ...INITECH_ADMINS.map((p) => lyticsUser(p, EDITOR_BUNDLE)),
    ],
    audiences: [{ id: "aud_initech", name: "TPS report readers", size: 42 }],
  };
  return {
    ...base,
    people: [
      ...base.people,
      ...[...ACME_MEMBERS_ADDED, IVAN, ...INITECH_ADMINS].map(fixturePerson),
    ],
    organizations: [...organizations, initech],
    app: {
      ...base.app,
      installations: [
        ...base.app.installations,
        { uid: "inst_initech", organization_uid: INITECH.uid },
      ],
    },
    lytics: { ...base.lytics, accounts: [...accounts, initechAccount] },
  } as Fixture;
}
