// Organization audit log items -> typed membership changes. Pure: no I/O, never throws. The sync's
// change detection polls the log and queues a targeted sync for the people each change names, so
// every item that should name someone but cannot be read becomes an `unreadable` change (the sync
// then falls back to a full reconcile) instead of an exception that would stop the poller.
//
// The details come from the logged API call, as the service logs it (api-notes C2):
//   share              request {share:{users:{email:[role uids]}}}, response {notice, shares:[…]}
//   accept_share       response {notice, shares:[the accepted share]}
//   role_change        request {share:{users:{email:[new role uids]}}}, response {shares:[…]},
//                      metadata.previous_org_roles = the roles it replaced
//   unshare            request {emails:[…]}, response {notice, shares:[the removed shares]}
//   transfer_ownership request {transfer_to: email}, metadata {owner_uid, previous_owner_uid}
// Items of other events (stacks, logins, ...) name no membership change and yield nothing.
import { z } from "zod";
import type { AuditLogEntry } from "./audit-log";

interface ChangeBase {
  /** The audit item this change was read from (the poller's cursor). */
  readonly logUid: string;
  readonly at: Date;
  /** Who acted, when the item says. */
  readonly actorUid: string | null;
}

export type MembershipChange =
  | (ChangeBase & {
      readonly kind: "invited";
      readonly email: string;
      readonly userUid: string | null;
      readonly rolesAfter: readonly string[];
    })
  | (ChangeBase & {
      readonly kind: "joined";
      readonly email: string;
      readonly userUid: string | null;
      readonly rolesAfter: readonly string[];
    })
  | (ChangeBase & {
      readonly kind: "roles-changed";
      readonly email: string;
      readonly userUid: string | null;
      /** Null when the item does not say what the roles were. */
      readonly rolesBefore: readonly string[] | null;
      readonly rolesAfter: readonly string[];
    })
  | (ChangeBase & {
      readonly kind: "removed";
      readonly email: string;
      readonly userUid: string | null;
      readonly rolesBefore: readonly string[] | null;
    })
  | (ChangeBase & {
      readonly kind: "ownership-transferred";
      /** The new owner. */
      readonly email: string;
      readonly userUid: string | null;
      readonly previousOwnerUid: string | null;
    })
  | {
      readonly kind: "unreadable";
      readonly logUid: string;
      readonly eventType: string;
      readonly reason: string;
    };

export type MembershipChangeKind = MembershipChange["kind"];

const roleList = z.array(z.string());
const usersSchema = z.record(z.string(), roleList);
const shareRequestSchema = z.object({
  share: z.object({ users: usersSchema }).loose(),
});
const removalRequestSchema = z.object({ emails: z.array(z.string()).min(1) }).loose();
const transferRequestSchema = z.object({ transfer_to: z.string().min(1) }).loose();
const loggedShareSchema = z
  .object({
    email: z.string().min(1),
    user_uid: z.string().nullish(),
    org_roles: roleList.optional(),
    status: z.string().optional(),
  })
  .loose();
const sharesResponseSchema = z
  .object({ shares: z.array(loggedShareSchema).optional(), share: loggedShareSchema.optional() })
  .loose();

type LoggedShare = z.infer<typeof loggedShareSchema>;

/** The share objects a logged response holds, by lower-cased email. */
function responseShares(response: unknown): Map<string, LoggedShare> {
  const parsed = sharesResponseSchema.safeParse(response);
  const shares = parsed.success
    ? [...(parsed.data.shares ?? []), ...(parsed.data.share ? [parsed.data.share] : [])]
    : [];
  return new Map(shares.map((share) => [share.email.toLowerCase(), share]));
}

function requestedUsers(request: unknown): Array<[string, string[]]> | null {
  const parsed = shareRequestSchema.safeParse(request);
  if (!parsed.success) return null;
  return Object.entries(parsed.data.share.users).map(([email, roles]) => [
    email.toLowerCase(),
    roles,
  ]);
}

const text = (value: unknown): string | null =>
  typeof value === "string" && value !== "" ? value : null;

/** The membership changes one audit item records (none for unrelated items). */
export function membershipChangesOf(entry: AuditLogEntry): MembershipChange[] {
  const unreadable = (reason: string): MembershipChange[] => [
    { kind: "unreadable", logUid: entry.uid, eventType: entry.eventType, reason },
  ];
  const event = entry.eventType;
  if (!HANDLED_EVENTS.has(event)) return [];
  if (!entry.createdAt) return unreadable(`created_at "${entry.createdAtRaw}" is not a date`);
  const base: ChangeBase = { logUid: entry.uid, at: entry.createdAt, actorUid: entry.createdBy };
  const shares = responseShares(entry.response);

  switch (event) {
    case "share": {
      // The request names everyone invited; a response share says whether they joined at once.
      const users = requestedUsers(entry.request) ?? fromShares(shares);
      if (!users || users.length === 0)
        return unreadable("the logged request names no users and the response no shares");
      return users.map(([email, roles]): MembershipChange => {
        const share = shares.get(email);
        const userUid = share?.user_uid ?? null;
        const kind = share?.status === "accepted" && userUid ? "joined" : "invited";
        return { ...base, kind, email, userUid, rolesAfter: share?.org_roles ?? roles };
      });
    }
    case "accept_share": {
      const [share] = shares.values();
      if (!share) return unreadable("the logged response holds no share");
      return [
        {
          ...base,
          kind: "joined",
          email: share.email.toLowerCase(),
          userUid: share.user_uid ?? entry.createdBy,
          rolesAfter: share.org_roles ?? [],
        },
      ];
    }
    case "role_change": {
      const users = requestedUsers(entry.request) ?? fromShares(shares);
      if (!users || users.length === 0)
        return unreadable("the logged request names no users and the response no shares");
      const previous = roleList.safeParse(entry.metadata.previous_org_roles);
      return users.map(([email, roles]) => ({
        ...base,
        kind: "roles-changed" as const,
        email,
        userUid: shares.get(email)?.user_uid ?? null,
        rolesBefore: previous.success ? previous.data : null,
        rolesAfter: roles,
      }));
    }
    case "unshare": {
      const request = removalRequestSchema.safeParse(entry.request);
      const emails = request.success
        ? request.data.emails.map((email) => email.toLowerCase())
        : [...shares.keys()];
      if (emails.length === 0)
        return unreadable("the logged request names no emails and the response no shares");
      return emails.map((email) => {
        const share = shares.get(email);
        return {
          ...base,
          kind: "removed" as const,
          email,
          userUid: share?.user_uid ?? null,
          rolesBefore: share?.org_roles ?? null,
        };
      });
    }
    case "transfer_ownership": {
      const request = transferRequestSchema.safeParse(entry.request);
      if (!request.success) return unreadable("the logged request has no transfer_to");
      return [
        {
          ...base,
          kind: "ownership-transferred",
          email: request.data.transfer_to.toLowerCase(),
          userUid: text(entry.metadata.owner_uid),
          previousOwnerUid: text(entry.metadata.previous_owner_uid) ?? entry.createdBy,
        },
      ];
    }
    default:
      return [];
  }
}

const HANDLED_EVENTS = new Set([
  "share",
  "accept_share",
  "role_change",
  "unshare",
  "transfer_ownership",
]);

function fromShares(shares: Map<string, LoggedShare>): Array<[string, string[]]> | null {
  if (shares.size === 0) return null;
  return [...shares].map(([email, share]) => [email, share.org_roles ?? []]);
}

/** Every change of a batch of items, oldest change first (the log lists newest first). */
export function membershipChangesFrom(entries: readonly AuditLogEntry[]): MembershipChange[] {
  return [...entries].reverse().flatMap(membershipChangesOf);
}

/** The people a batch of changes names (emails lower-cased), for a targeted sync. */
export function peopleNamedBy(changes: readonly MembershipChange[]): {
  emails: string[];
  userUids: string[];
} {
  const emails = new Set<string>();
  const userUids = new Set<string>();
  for (const change of changes) {
    if (change.kind === "unreadable") continue;
    emails.add(change.email);
    if (change.userUid) userUids.add(change.userUid);
    if (change.kind === "ownership-transferred" && change.previousOwnerUid)
      userUids.add(change.previousOwnerUid);
  }
  return { emails: [...emails], userUids: [...userUids] };
}
