// The organization's people as one typed model. Listing goes through the Management SDK's
// `getInvitations` (GET /organizations/{uid}/share). Plain HTTP is used where the SDK has no
// method (`share/search`) or where it declares one it does not implement (`removeUsers`, so
// DELETE /organizations/{uid}/share); invitations use the SDK's `addUser`.
import { z } from "zod";
import { InvalidResponseError } from "@lytics-access/http";
import { sdkData } from "../sdk/management-sdk";
import { parseWire } from "../wire/parse-wire";
import { wireShareSchema, wireSharePageSchema, type WireShare } from "../wire/wire-share";
import { organizationUrl, viaSdk, type ResourceContext } from "./context";
import {
  resolveOrgRole,
  rolesByUid,
  type OrgRole,
  type RoleResolutionContext,
} from "./member-roles";
import { getOrganization, type Organization } from "./organization";
import { collectAllPages } from "./pagination";
import { listOrgRoles, type OrgRoleDefinition } from "./roles";
import { displayName } from "./user";

/** One organization user or pending invitation. */
export interface OrgMember {
  /** The share (invitation) uid. */
  readonly shareUid: string;
  /** Null for a pending invitation to someone without an account. */
  readonly userUid: string | null;
  readonly email: string;
  readonly name: string | null;
  readonly role: OrgRole;
  readonly roleUids: readonly string[];
  readonly status: "accepted" | "pending";
  readonly invitedBy: string | null;
  readonly invitedAt: string | null;
}

export function toOrgMember(wire: WireShare, context: RoleResolutionContext): OrgMember {
  const { role } = resolveOrgRole(wire, context);
  return {
    shareUid: wire.uid,
    userUid: wire.user_uid ?? null,
    email: wire.email.toLowerCase(),
    name: displayName(wire.first_name, wire.last_name),
    role,
    roleUids: wire.org_roles,
    status: wire.status === "pending" || !wire.user_uid ? "pending" : "accepted",
    invitedBy: wire.invited_by ?? null,
    invitedAt: wire.invited_at ?? null,
  };
}

/**
 * What a listing resolves roles with: the organization (its Owner) and its role definitions. A
 * caller that keeps it for a while (the worker, per organization, for a minute) passes it back to
 * `listMembers` to save the two reads.
 */
export interface MemberRoleContext {
  readonly organization: Organization;
  readonly roles: readonly OrgRoleDefinition[];
}

function resolutionOf(known: MemberRoleContext): RoleResolutionContext {
  return { ownerUid: known.organization.ownerUid, rolesByUid: rolesByUid(known.roles) };
}

/** Reads the organization and its roles (two reads, at once). */
export async function readMemberRoleContext(context: ResourceContext): Promise<MemberRoleContext> {
  const [organization, roles] = await Promise.all([
    getOrganization(context),
    listOrgRoles(context),
  ]);
  return { organization, roles };
}

async function roleContext(context: ResourceContext): Promise<{
  organization: Organization;
  roles: readonly OrgRoleDefinition[];
  resolution: RoleResolutionContext;
}> {
  const known = await readMemberRoleContext(context);
  return { ...known, resolution: resolutionOf(known) };
}

/**
 * Whether a role context given by the caller still explains the listing: every role uid on a
 * share is known and the Owner is among the members. When not, the organization's roles or owner
 * changed since the caller read them, and they are read again.
 */
function explains(shares: readonly WireShare[], known: MemberRoleContext): boolean {
  const uids = new Set(known.roles.map((role) => role.uid));
  const ownerUid = known.organization.ownerUid;
  return (
    shares.some((share) => share.user_uid === ownerUid) &&
    shares.every((share) => share.org_roles.every((uid) => uids.has(uid)))
  );
}

/** The documented share listing order: `asc=`/`desc=` a share timestamp or the email. */
export interface MemberSort {
  readonly field: "created_at" | "updated_at" | "email";
  readonly direction: "asc" | "desc";
}

export interface ListMembersOptions {
  /** @defaultValue the service's own order */
  readonly sort?: MemberSort | undefined;
  /**
   * The organization and role definitions the caller already holds (read by an earlier listing):
   * the listing then reads only the member pages. When the listing has a role uid it does not know
   * or lacks its Owner, both are read again and the members resolved with the fresh ones. A change
   * of Owner to someone who was already a member is not visible in the listing: the caller must
   * drop what it holds when the audit log says so (`ownership-transferred`).
   * @defaultValue read both before the pages
   */
  readonly roleContext?: MemberRoleContext | undefined;
  /** Called with the organization and role definitions this listing read (not when it used the given ones). */
  readonly onRoleContext?: ((context: MemberRoleContext) => void) | undefined;
}

const sdkSharePageSchema = z.object({
  items: z.array(wireShareSchema),
  count: z.number().int().nonnegative(),
});

/**
 * Every user and pending invitation of the organization, each with its resolved role. An empty
 * listing, or one without the Owner, is refused: the organization always has an Owner, so such an
 * answer is damaged, and reading it as "everyone left" would remove everyone's access (DESIGN §4).
 */
export async function listMembers(
  context: ResourceContext,
  options: ListMembersOptions = {},
): Promise<OrgMember[]> {
  const operation = "GET /v3/organizations/{uid}/share";
  const sort = options.sort ? { [options.sort.direction]: options.sort.field } : {};
  const given = options.roleContext;
  const read = given ? null : await readMemberRoleContext(context);
  const shares = await collectAllPages(
    async (skip, limit) => {
      const collection = await viaSdk(operation, () =>
        context.sdk
          .organization(context.organizationUid)
          .getInvitations({ skip, limit, include_count: true, ...sort }),
      );
      return parseWire(
        sdkSharePageSchema,
        { items: (collection.items ?? []).map(sdkData), count: collection.count },
        operation,
      );
    },
    {
      pageSize: context.pageSize,
      operation,
      keyOf: (share) => share.uid,
      onRestart: (why) =>
        context.logger.warn({ operation, why }, "member listing moved; reading it again"),
    },
  );
  let known = read ?? given;
  if (!known || (read === null && shares.length > 0 && !explains(shares, known))) {
    context.logger.debug(
      { operation },
      "roles or owner changed since they were read; reading them again",
    );
    known = await readMemberRoleContext(context);
  }
  if (known !== given) options.onRoleContext?.(known);
  const { organization } = known;
  const resolution = resolutionOf(known);
  if (shares.length === 0) {
    throw new InvalidResponseError(
      `${operation}: empty member listing for organization ${organization.uid}, which has an owner`,
      {
        reason: "inconsistent",
        operation,
      },
    );
  }
  const members = shares.map((share) => toOrgMember(share, resolution));
  if (!members.some((member) => member.role === "owner")) {
    throw new InvalidResponseError(
      `${operation}: the owner ${organization.ownerUid} is missing from the member listing`,
      {
        reason: "inconsistent",
        operation,
      },
    );
  }
  return members;
}

/** Looks people up by email (`POST /share/search`; no SDK method). Unknown emails are simply absent. */
export async function searchMembersByEmail(
  context: ResourceContext,
  emails: readonly string[],
): Promise<OrgMember[]> {
  const operation = "POST /v3/organizations/{uid}/share/search";
  const wanted = [
    ...new Set(emails.map((email) => email.trim().toLowerCase()).filter((email) => email !== "")),
  ];
  // An empty body returns every user, which is never what a caller with no emails meant.
  if (wanted.length === 0) return [];
  const { resolution } = await roleContext(context);
  const shares = await collectAllPages(
    async (skip, limit) => {
      const result = await context.transport.send({
        method: "POST",
        url: organizationUrl(context, "/share/search"),
        query: { include_count: true, skip, limit },
        body: { emails: wanted },
        operation,
        // A search changes nothing, so repeating it is safe.
        idempotent: true,
      });
      const page = parseWire(wireSharePageSchema, result.body, operation);
      return { items: page.shares, count: page.count };
    },
    { pageSize: context.pageSize, operation, keyOf: (share) => share.uid },
  );
  return shares.map((share) => toOrgMember(share, resolution));
}

export type MemberInvite =
  | { readonly email: string; readonly role: "admin" | "member" }
  | { readonly email: string; readonly roleUids: readonly string[] };

const inviteSchema = z
  .array(
    z.union([
      z.object({ email: z.email(), role: z.enum(["admin", "member"]) }),
      z.object({ email: z.email(), roleUids: z.array(z.string().min(1)).min(1) }),
    ]),
  )
  .min(1, "at least one invitation");

/**
 * Invites people (`POST /share` through the SDK's `addUser`). Not retried after it may have
 * reached the server: a second invitation would send a second email.
 */
export async function inviteMembers(
  context: ResourceContext,
  invites: readonly MemberInvite[],
  options: { message?: string } = {},
): Promise<OrgMember[]> {
  const operation = "POST /v3/organizations/{uid}/share";
  const parsed = inviteSchema.safeParse(invites);
  if (!parsed.success)
    throw new RangeError(
      `inviteMembers: ${parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`).join("; ")}`,
    );
  const { resolution, roles } = await roleContext(context);
  const adminRole = roles.find((role) => role.isAdmin);
  const memberRole =
    roles.find((role) => !role.isAdmin && role.isDefault) ?? roles.find((role) => !role.isAdmin);
  const users: Record<string, string[]> = {};
  for (const invite of parsed.data) {
    const roleUid =
      "role" in invite ? (invite.role === "admin" ? adminRole : memberRole)?.uid : undefined;
    if ("role" in invite && !roleUid)
      throw new RangeError(`inviteMembers: the organization has no ${invite.role} role`);
    users[invite.email.toLowerCase()] =
      "roleUids" in invite ? [...invite.roleUids] : [roleUid ?? ""];
  }
  const collection = await viaSdk(operation, () =>
    context.sdk
      .organization(context.organizationUid)
      .addUser({ users, stacks: {}, ...(options.message ? { message: options.message } : {}) }),
  );
  const shares = parseWire(
    z.array(wireShareSchema),
    (collection.items ?? []).map(sdkData),
    operation,
  );
  return shares.map((share) => toOrgMember(share, resolution));
}

const removalResponseSchema = z
  .object({ notice: z.string().optional(), shares: z.array(wireShareSchema).optional() })
  .loose()
  .optional();

/** A share as `DELETE /share` answers it: the user or invitation that was removed. */
export interface RemovedShare {
  readonly shareUid: string;
  readonly email: string;
  /** Null for a pending invitation. */
  readonly userUid: string | null;
  readonly roleUids: readonly string[];
  readonly status: "accepted" | "pending";
}

/**
 * Removes people from the organization (`DELETE /share` with `{emails}`; the SDK declares
 * `removeUsers` but does not implement it). The answer is
 * `{notice: "The invitation has been deleted successfully.", shares: [the removed shares]}`.
 * Removing someone already gone changes nothing, so this call is retried like a read.
 */
export async function removeMembers(
  context: ResourceContext,
  emails: readonly string[],
): Promise<{ notice: string | null; removed: RemovedShare[] }> {
  const operation = "DELETE /v3/organizations/{uid}/share";
  const targets = [
    ...new Set(emails.map((email) => email.trim().toLowerCase()).filter((email) => email !== "")),
  ];
  if (targets.length === 0) return { notice: null, removed: [] };
  const result = await context.transport.send({
    method: "DELETE",
    url: organizationUrl(context, "/share"),
    body: { emails: targets },
    operation,
    idempotent: true,
  });
  const answer = parseWire(removalResponseSchema, result.body, operation);
  return {
    notice: answer?.notice ?? null,
    removed: (answer?.shares ?? []).map((share) => ({
      shareUid: share.uid,
      email: share.email.toLowerCase(),
      userUid: share.user_uid ?? null,
      roleUids: share.org_roles,
      status: share.status === "pending" || !share.user_uid ? "pending" : "accepted",
    })),
  };
}
