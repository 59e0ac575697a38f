// Change detection's reader: the organization's audit-log items since the cursor, through
// packages/contentstack's reader and its typed membership changes. Items it cannot read are
// counted and skipped, never fatal.
import {
  membershipChangesOf,
  peopleNamedBy,
  type MembershipChange,
} from "@lytics-access/contentstack";

import type { AuditChangeItem, AuditChangeReader } from "../jobs/audit-change-reader";
import { openOrgClients, type OrgClientsDeps } from "./org-clients";
import type { OrgRoleCache } from "./org-role-cache";
import { CredentialLostError } from "../credentials/credential-lost-error";

/**
 * Items read per poll at most. A poll reads every page down to the cursor (newest first, 100 a
 * page), so a backlog is read whole, never cut at its newest part; past this bound (a worker that
 * was down for days on a busy organization) the reader says so and the poll queues a full
 * reconcile, which covers whatever was not read.
 */
export const MAX_ITEMS_PER_POLL = 5_000;

/**
 * Whether a change makes the organization's held role definitions and Owner stale: an ownership
 * transfer, or an item that could not be read (it might have been one).
 */
export function dropsHeldRoles(change: MembershipChange): boolean {
  return change.kind === "ownership-transferred" || change.kind === "unreadable";
}

export function createAuditReader(
  deps: OrgClientsDeps & {
    readonly maxAuditItemsPerPoll?: number;
    /** Dropped for the organization when an item says its Owner changed (or cannot be read). */
    readonly roleCache?: OrgRoleCache;
  },
): AuditChangeReader {
  return async (orgUid, since) => {
    const installation = await deps.installations.get(orgUid);
    if (!installation)
      throw new CredentialLostError(orgUid, "no-tokens", "The organization is not connected");
    const clients = await openOrgClients(deps, installation);
    const limit = deps.maxAuditItemsPerPoll ?? MAX_ITEMS_PER_POLL;
    const read = await clients.instrument("contentstack", "listAuditLog", () =>
      clients.contentstack.listAuditLog({
        // `since` is inclusive: items at the cursor's own instant come back and the cursor's
        // recent uids tell which of them were seen.
        ...(since ? { since: new Date(since.createdAt) } : {}),
        maxEntries: since ? limit + 1 : 1,
      }),
    );
    const truncated = since !== null && read.length > limit;
    const entries = truncated ? read.slice(0, limit) : read;
    let unreadable = 0;
    let rolesChanged = false;
    const items: AuditChangeItem[] = [];
    for (const entry of entries) {
      if (!entry.createdAt) {
        unreadable += 1;
        continue;
      }
      const changes = membershipChangesOf(entry);
      unreadable += changes.filter((change) => change.kind === "unreadable").length;
      if (changes.some(dropsHeldRoles)) rolesChanged = true;
      items.push({
        uid: entry.uid,
        createdAt: entry.createdAt.toISOString(),
        emails: peopleNamedBy(changes).emails,
      });
    }
    // Before the poll queues the targeted sync, so that sync resolves roles with the new Owner.
    // Unreadable items might have been a transfer; a truncated read was not seen whole.
    if (deps.roleCache && (rolesChanged || unreadable > 0 || truncated))
      await deps.roleCache.invalidate(orgUid);
    return { items, unreadable, truncated };
  };
}
