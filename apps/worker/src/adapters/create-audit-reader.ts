// Change detection's reader: the organization's audit-log items since the cursor, through
// packages/contentstack's reader and its typed membership changes. Items it cannot read are
// counted and skipped, never fatal.
import { membershipChangesOf, peopleNamedBy } from "@lytics-access/contentstack";

import type { AuditChangeItem, AuditChangeReader } from "../jobs/audit-change-reader";
import { openOrgClients, type OrgClientsDeps } from "./org-clients";
import { CredentialLostError } from "../credentials/credential-lost-error";

/** Items read per poll at most; a backlog drains over the next polls. */
const MAX_ITEMS_PER_POLL = 500;

export function createAuditReader(deps: OrgClientsDeps): AuditChangeReader {
  return async (orgUid, since) => {
    const installation = await deps.installations.get(orgUid);
    if (!installation) throw new CredentialLostError(orgUid, "no-tokens", "The organization is not connected");
    const clients = await openOrgClients(deps, installation);
    const entries = await clients.instrument("contentstack", "listAuditLog", () =>
      clients.contentstack.listAuditLog({
        ...(since ? { since: new Date(since.createdAt) } : { maxEntries: 1 }),
        maxEntries: since ? MAX_ITEMS_PER_POLL : 1,
      }),
    );
    let unreadable = 0;
    const items: AuditChangeItem[] = [];
    for (const entry of entries) {
      if (!entry.createdAt) {
        unreadable += 1;
        continue;
      }
      const changes = membershipChangesOf(entry);
      unreadable += changes.filter((change) => change.kind === "unreadable").length;
      items.push({
        uid: entry.uid,
        createdAt: entry.createdAt.toISOString(),
        emails: peopleNamedBy(changes).emails,
      });
    }
    return { items, unreadable };
  };
}
