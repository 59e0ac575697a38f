// The share object of the `/share` listings, of the POST/DELETE `/share` answers, and of the
// `request`/`response` bodies the audit log keeps: one shape everywhere, as the service answers it.
import type { Membership, Organization } from "../state/world";

export interface WireShare {
  uid: string;
  email: string;
  user_uid: string | null;
  message: string | null;
  org_uid: string;
  org_roles: string[];
  invited_by: string | null;
  invited_at: string;
  status: "accepted" | "pending";
  created_at: string;
  updated_at: string;
  guest?: true;
  roles?: Array<{ uid: string; name: string; admin: boolean }>;
}

export function toWireShare(
  org: Organization,
  member: Membership,
  includeRoles = false,
): WireShare {
  return {
    uid: member.uid,
    email: member.email,
    user_uid: member.user_uid,
    message: member.message,
    org_uid: org.uid,
    org_roles: [...member.org_roles],
    invited_by: member.invited_by,
    invited_at: member.invited_at,
    status: member.status,
    created_at: member.created_at,
    updated_at: member.updated_at,
    ...(member.guest ? { guest: true as const } : {}),
    ...(includeRoles
      ? {
          roles: member.org_roles.flatMap((roleUid) => {
            const role = org.roles.find((candidate) => candidate.uid === roleUid);
            return role ? [{ uid: role.uid, name: role.name, admin: role.admin }] : [];
          }),
        }
      : {}),
  };
}
