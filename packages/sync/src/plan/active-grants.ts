import type { CollaboratorGrant } from "@lytics-access/permissions";
import type { GrantRecord } from "./plan-input";
import type { SyncNotice } from "./plan-types";
import { normalizeRoles } from "../roles/role-set";

/** A grant whose expiry has passed: excluded from the desired state, reported, and cited as a reason. */
export interface ExpiredGrant {
  readonly projectId: string;
  readonly uid: string;
  readonly roles: readonly string[];
  readonly expiresAt: string;
}

export interface SplitGrants {
  /** Project id -> the grants still in force. */
  readonly active: ReadonlyMap<string, CollaboratorGrant[]>;
  readonly expired: readonly ExpiredGrant[];
  readonly notices: readonly SyncNotice[];
}

/**
 * Splits the app's grants at `now`: a grant is in force strictly before its `expiresAt` (contractor
 * access "for 30 days" ends at the instant recorded). An unparsable expiry counts as expired:
 * access that cannot be shown to be in force is not given.
 */
export function splitGrants(grants: readonly GrantRecord[], nowMs: number): SplitGrants {
  const active = new Map<string, CollaboratorGrant[]>();
  const expired: ExpiredGrant[] = [];
  for (const grant of grants) {
    const expiresAt = grant.expiresAt ?? null;
    const until = expiresAt === null ? Infinity : Date.parse(expiresAt);
    if (Number.isNaN(until) || until <= nowMs) {
      expired.push({
        projectId: grant.projectId,
        uid: grant.uid,
        roles: normalizeRoles(grant.roles),
        expiresAt: expiresAt ?? "",
      });
      continue;
    }
    // A grant record is a CollaboratorGrant already (uid, roles): passed on as it is, not copied.
    const list = active.get(grant.projectId);
    if (list) list.push(grant);
    else active.set(grant.projectId, [grant]);
  }
  const notices = expired.map((grant): SyncNotice => ({
    kind: "expired-grant",
    projectId: grant.projectId,
    uid: grant.uid,
    roles: grant.roles,
    expiresAt: grant.expiresAt,
    message: `Collaborator grant [${grant.roles.join(", ")}] of ${grant.uid} on ${grant.projectId} expired on ${grant.expiresAt}; it is no longer enforced.`,
  }));
  return { active, expired, notices };
}
