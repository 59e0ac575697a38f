// Organization calls the client makes over plain HTTP because the Management SDK lacks them or
// gets them wrong: the caller's organizations (`GET /v3/organizations`), resending an invitation
// (the SDK's `resendInvitation` leaves `/share/` out of the documented path), and transferring
// ownership (`POST /transfer-ownership {transfer_to}`, Owner only).
import { z } from "zod";
import { parseWire } from "../wire/parse-wire";
import { wireOrganizationSchema } from "../wire/wire-organization";
import { organizationUrl, type ResourceContext } from "./context";
import { toOrganization, type Organization } from "./organization";

const organizationsPageSchema = z.object({
  organizations: z.array(
    wireOrganizationSchema.extend({
      is_owner: z.boolean().optional(),
      owner: z.boolean().optional(),
    }),
  ),
  count: z.number().int().nonnegative().optional(),
});

export interface ListedOrganization extends Organization {
  /** True when the caller owns it (`is_owner`/`owner` on the listing). */
  readonly isOwner: boolean;
}

/**
 * The organizations the credential's person belongs to (`{organizations:[…]}`), every page. An
 * OAuth token only reaches the organization it was issued for, so with one it lists that one.
 */
export async function listOrganizations(context: ResourceContext): Promise<ListedOrganization[]> {
  const operation = "GET /v3/organizations";
  const listed: ListedOrganization[] = [];
  const seen = new Set<string>();
  for (let skip = 0; ;) {
    const result = await context.transport.send({
      method: "GET",
      url: `${context.endpoints.apiUrl}/v3/organizations`,
      query: { skip, limit: context.pageSize, include_count: true, asc: "created_at" },
      operation,
    });
    const page = parseWire(organizationsPageSchema, result.body, operation);
    for (const wire of page.organizations) {
      if (seen.has(wire.uid)) continue;
      seen.add(wire.uid);
      listed.push({
        ...toOrganization(wire),
        isOwner: wire.is_owner === true || wire.owner === true,
      });
    }
    skip += page.organizations.length;
    const done =
      page.count !== undefined ? skip >= page.count : page.organizations.length < context.pageSize;
    if (done || page.organizations.length === 0) return listed;
  }
}

const noticeSchema = z.object({ notice: z.string().optional() }).loose().optional();

/**
 * Sends a pending invitation's email again (`GET /share/{share_uid}/resend_invitation`). A GET,
 * but it sends an email: not repeated once it may have reached the server.
 */
export async function resendInvitation(
  context: ResourceContext,
  shareUid: string,
): Promise<{ notice: string | null }> {
  const operation = "GET /v3/organizations/{uid}/share/{share_uid}/resend_invitation";
  if (shareUid.trim() === "") throw new RangeError("resendInvitation: shareUid is empty");
  const result = await context.transport.send({
    method: "GET",
    url: organizationUrl(context, `/share/${encodeURIComponent(shareUid)}/resend_invitation`),
    operation,
    idempotent: false,
  });
  return { notice: parseWire(noticeSchema, result.body, operation)?.notice ?? null };
}

/** Makes `email` (an accepted member) the Owner. Only the current Owner may; never repeated. */
export async function transferOwnership(
  context: ResourceContext,
  email: string,
): Promise<{ notice: string | null }> {
  const operation = "POST /v3/organizations/{uid}/transfer-ownership";
  const parsed = z.email().safeParse(email.trim());
  if (!parsed.success) throw new RangeError("transferOwnership: not an email address");
  const result = await context.transport.send({
    method: "POST",
    url: organizationUrl(context, "/transfer-ownership"),
    body: { transfer_to: parsed.data.toLowerCase() },
    operation,
    idempotent: false,
  });
  return { notice: parseWire(noticeSchema, result.body, operation)?.notice ?? null };
}
