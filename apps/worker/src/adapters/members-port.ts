// The sync's member port on packages/contentstack's organization client. The client refuses an
// empty or ownerless listing and checks every page against the reported count, so what arrives
// here is whole; the sync's listing guard checks it again. With a role cache, the organization's
// role definitions and Owner come from it (a minute at most, dropped when the audit log says the
// Owner changed), so a listing reads only its member pages.
import type { ContentstackClient } from "@lytics-access/contentstack";
import type { MemberListing } from "@lytics-access/sync";

import type { CallInstrument } from "./instrument-call";
import type { OrgRoleCache } from "./org-role-cache";

export function createMembersPort(
  client: ContentstackClient,
  instrument: CallInstrument,
  roles?: { readonly cache: OrgRoleCache; readonly orgUid: string },
): { list(): Promise<MemberListing> } {
  return {
    async list() {
      const held = roles ? await roles.cache.lookup(roles.orgUid) : undefined;
      const members = await instrument("contentstack", "listMembers", () =>
        client.listMembers({
          roleContext: held?.context,
          onRoleContext: (read) => held?.keep(read),
        }),
      );
      return {
        members: members.map((member) => ({
          userUid: member.userUid,
          email: member.email,
          // Not the sync's concern; the member directory shows it (member-directory-writer).
          name: member.name,
          role: member.role,
          status: member.status,
          isGuest: member.role === "guest",
        })),
        total: members.length,
      };
    },
  };
}
