// The emulated Contentstack world: people, organizations with their roles, memberships, audit
// logs and Data Activation Layers. Built from a fixture and mutated only through
// membership-changes.ts (CMA writes and the control API), so every change lands in the audit log.
import type { Fixture, FixturePerson } from "../../fixtures/fixture-schema";
import type { AuditEntry } from "./audit-log";

export interface Person {
  uid: string;
  email: string;
  first_name: string;
  last_name: string;
  username: string;
}

export interface OrgRole {
  uid: string;
  name: string;
  description: string;
  admin: boolean;
  default: boolean;
  created_at: string;
  updated_at: string;
}

export interface Membership {
  /** The share (invitation) uid. */
  uid: string;
  email: string;
  user_uid: string | null;
  org_roles: string[];
  status: "accepted" | "pending";
  guest: boolean;
  invited_by: string | null;
  invited_at: string;
  message: string | null;
  created_at: string;
  updated_at: string;
}

export interface DataActivationLayer {
  uid: string;
  title: string;
  domain: string;
  created_by: string;
  created_at: string;
}

export interface Organization {
  uid: string;
  name: string;
  owner_uid: string;
  created_at: string;
  roles: OrgRole[];
  members: Membership[];
  data_activation_layer: DataActivationLayer | null;
  audit: AuditEntry[];
}

export interface RegisteredApp {
  app_uid: string;
  name: string;
  client_id: string;
  client_secret: string;
  redirect_uris: string[];
  scopes: string[];
  /** Only our own app has a UI location; the launch client is OAuth only. */
  global_full_page_url: string | null;
  installations: Array<{ uid: string; organization_uid: string }>;
}

export interface World {
  people: Map<string, Person>;
  organizations: Map<string, Organization>;
  apps: Map<string, RegisteredApp>;
  /** The app the host shell mounts at its Global Full Page location (fixture `app`). */
  mountedAppUid: string;
}

/** Timestamps of fixture records that carry none: a fixed instant keeps listings reproducible. */
const FIXTURE_EPOCH = "2025-01-01T00:00:00.000Z";

export function toPerson(person: FixturePerson): Person {
  return { ...person, username: person.username ?? person.email.split("@")[0] ?? person.uid };
}

export function createWorld(fixture: Fixture): World {
  const people = new Map(fixture.people.map((person) => [person.uid, toPerson(person)]));
  const organizations = new Map<string, Organization>();
  for (const org of fixture.organizations) {
    organizations.set(org.uid, {
      uid: org.uid,
      name: org.name,
      owner_uid: org.owner_uid,
      created_at: FIXTURE_EPOCH,
      roles: org.roles.map((role) => ({
        ...role,
        created_at: FIXTURE_EPOCH,
        updated_at: FIXTURE_EPOCH,
      })),
      members: org.members.map((member) => {
        const at = member.invited_at ?? FIXTURE_EPOCH;
        return {
          uid: member.uid,
          email: member.email.toLowerCase(),
          user_uid: member.user_uid,
          org_roles: [...member.org_roles],
          status: member.status,
          guest: member.guest,
          invited_by: member.invited_by ?? null,
          invited_at: at,
          message: null,
          created_at: at,
          updated_at: at,
        };
      }),
      data_activation_layer: org.data_activation_layer
        ? { uid: `dal_${org.uid}`, ...org.data_activation_layer }
        : null,
      audit: [],
    });
  }
  const apps = new Map<string, RegisteredApp>();
  apps.set(fixture.app.app_uid, structuredClone(fixture.app));
  apps.set(fixture.lytics_launch_client.app_uid, {
    ...structuredClone(fixture.lytics_launch_client),
    global_full_page_url: null,
    installations: [],
  });
  return { people, organizations, apps, mountedAppUid: fixture.app.app_uid };
}

/** The accepted membership of a person in an organization (pending invitations grant nothing). */
export function activeMembership(org: Organization, userUid: string): Membership | undefined {
  return org.members.find((member) => member.user_uid === userUid && member.status === "accepted");
}

/** Organizations the person is an accepted member of, in fixture order. */
export function organizationsOf(world: World, userUid: string): Organization[] {
  return [...world.organizations.values()].filter(
    (org) => activeMembership(org, userUid) !== undefined,
  );
}

export function isOwnerOrAdmin(org: Organization, userUid: string): boolean {
  if (org.owner_uid === userUid) return true;
  const membership = activeMembership(org, userUid);
  if (!membership) return false;
  return membership.org_roles.some(
    (roleUid) => org.roles.find((role) => role.uid === roleUid)?.admin === true,
  );
}
