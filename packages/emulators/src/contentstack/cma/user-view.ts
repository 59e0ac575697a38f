// The `user` object of `GET /v3/user` and of the App SDK `init` payload. `organizations[]` with
// `org_roles` and `is_owner` is what the Lytics emulator reads to authorize callers.
import type { World, Person } from "../state/world";
import { activeMembership, organizationsOf } from "../state/world";

export interface WireUserOrganization {
  uid: string;
  name: string;
  org_roles: Array<{ uid: string; name: string; admin: boolean }>;
  is_owner?: true;
}

export interface WireUser {
  uid: string;
  email: string;
  username: string;
  first_name: string;
  last_name: string;
  /** Every organization the person is an accepted member of (owned or not). */
  org_uid: string[];
  /** The subset of `org_uid` the person does not own. */
  shared_org_uid: string[];
  organizations: WireUserOrganization[];
  roles: never[];
}

export function toWireUser(world: World, person: Person): WireUser {
  const orgs = organizationsOf(world, person.uid);
  return {
    uid: person.uid,
    email: person.email,
    username: person.username,
    first_name: person.first_name,
    last_name: person.last_name,
    org_uid: orgs.map((org) => org.uid),
    shared_org_uid: orgs.filter((org) => org.owner_uid !== person.uid).map((org) => org.uid),
    organizations: orgs.map((org) => {
      const membership = activeMembership(org, person.uid);
      const roles = (membership?.org_roles ?? []).flatMap((roleUid) => {
        const role = org.roles.find((candidate) => candidate.uid === roleUid);
        return role ? [{ uid: role.uid, name: role.name, admin: role.admin }] : [];
      });
      return {
        uid: org.uid,
        name: org.name,
        org_roles: roles,
        ...(org.owner_uid === person.uid ? { is_owner: true as const } : {}),
      };
    }),
    roles: [],
  };
}
