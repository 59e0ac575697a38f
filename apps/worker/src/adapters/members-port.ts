// The sync's member port on packages/contentstack's organization client. The client refuses an
// empty or ownerless listing and checks every page against the reported count, so what arrives
// here is whole; the sync's listing guard checks it again.
import type { ContentstackClient } from "@lytics-access/contentstack";
import type { MemberListing } from "@lytics-access/sync";

import type { CallInstrument } from "./instrument-call";

export function createMembersPort(
  client: ContentstackClient,
  instrument: CallInstrument,
): { list(): Promise<MemberListing> } {
  return {
    async list() {
      const members = await instrument("contentstack", "listMembers", () => client.listMembers());
      return {
        members: members.map((member) => ({
          userUid: member.userUid,
          email: member.email,
          role: member.role,
          status: member.status,
          isGuest: member.role === "guest",
        })),
        total: members.length,
      };
    },
  };
}
