import "server-only";

import { checkOrgUid } from "@lytics-access/store";
import { z } from "zod";

import type { SessionState } from "../load-session";
import type { Services } from "../services";

type Active = Extract<SessionState, { status: "active" }>;

/** An Owner or Admin a Member or Guest can ask (seed 000: "ask your Owner or Admin"). */
export interface OrgContact {
  readonly name: string | null;
  readonly email: string;
  readonly role: "owner" | "admin";
}

const contactsSchema = z.array(
  z.strictObject({
    name: z.string().nullable(),
    email: z.string().min(3),
    role: z.enum(["owner", "admin"]),
  }),
);

const TTL_SECONDS = 24 * 60 * 60;
const MAX_CONTACTS = 10;

function key(svc: Services, orgUid: string): string {
  return `${svc.env.STORE_KEY_PREFIX}:{org:${checkOrgUid(orgUid)}}:web:contacts`;
}

/**
 * The organization's Owner and Admins, by name. Contentstack lets only Owners and Admins list the
 * organization's users, so the list is read with an Owner's or Admin's own token when one opens
 * the app, and kept a day for everyone else; a Member or Guest arriving first gets whoever
 * connected the sync (an Owner or Admin at the time), or null.
 */
export async function orgContacts(svc: Services, state: Active): Promise<OrgContact[] | null> {
  const { orgUid } = state.session;
  const cached = await svc.redis.get(key(svc, orgUid));
  if (cached !== null) {
    const parsed = contactsSchema.safeParse(JSON.parse(cached));
    if (parsed.success) return parsed.data;
  }
  if (state.person.role === "owner" || state.person.role === "admin") {
    try {
      const members = await svc.contentstackAs(orgUid, state.tokens.accessToken).listMembers();
      const contacts: OrgContact[] = members
        .filter(
          (member): member is typeof member & { role: "owner" | "admin" } =>
            member.status === "accepted" && (member.role === "owner" || member.role === "admin"),
        )
        .sort((a, b) => (a.role === b.role ? 0 : a.role === "owner" ? -1 : 1))
        .slice(0, MAX_CONTACTS)
        .map((member) => ({
          // The listing may carry no names; the reader's own is known from their session.
          name:
            member.name ??
            (member.email === state.person.email.toLowerCase()
              ? (state.person.name ?? null)
              : null),
          email: member.email,
          role: member.role,
        }));
      await svc.redis.set(key(svc, orgUid), JSON.stringify(contacts), "EX", TTL_SECONDS);
      return contacts;
    } catch {
      // Contentstack unreachable: the page still answers, without names.
    }
  }
  const installation = await svc.installations.get(orgUid).catch(() => null);
  return installation
    ? [
        {
          name: installation.connectedBy.name ?? null,
          email: installation.connectedBy.email,
          role: "admin",
        },
      ]
    : null;
}

/** "Olivia Owner (Owner, olivia@…), Adam Admin (Admin, …)" or the generic wording. */
export function contactsText(contacts: readonly OrgContact[] | null): string {
  if (!contacts || contacts.length === 0) return "your organization's Owner or an Admin";
  return contacts
    .map(
      (contact) =>
        `${contact.name ?? contact.email} (${contact.role === "owner" ? "Owner" : "Admin"}, ${contact.email})`,
    )
    .join(", ");
}
