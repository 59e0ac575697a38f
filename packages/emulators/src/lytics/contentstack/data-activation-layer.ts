// Seed 000: "The Data & Insights (Lytics) account for your organization is generated only after"
// an Owner or Admin creates the Data Activation Layer. The Contentstack side keeps the DAL; this
// side learns of it the way it learns everything about Contentstack, by asking with the caller's
// own credential (`GET /v3/organizations/{uid}/data_activation_layer`), and brings the account
// into being the first time someone launches into an organization that has a DAL but no account.
import { z } from "zod";

import { ContentstackCallError } from "../errors/contentstack-call-error";
import { noConnections, type AccountRecord, type LyticsStore } from "../store/lytics-store";
import {
  isOrganizationAdmin,
  type ContentstackCredential,
  type ContentstackUser,
  type ContentstackUserOrganization,
} from "./contentstack-identity";

const dalResponseSchema = z.object({
  data_activation_layer: z
    .object({
      uid: z.string().min(1),
      title: z.string(),
      domain: z.string(),
      created_by: z.string().min(1),
      created_at: z.string(),
    })
    .loose()
    .nullable(),
});

export type DataActivationLayer = NonNullable<
  z.infer<typeof dalResponseSchema>["data_activation_layer"]
>;

/** The organization's DAL, or null when it has none (or the caller may not see it). */
export async function fetchDataActivationLayer(
  baseUrl: string,
  credential: ContentstackCredential,
  organizationUid: string,
): Promise<DataActivationLayer | null> {
  const operation = "GET /v3/organizations/{uid}/data_activation_layer";
  const headers: Record<string, string> = {
    organization_uid: organizationUid,
    accept: "application/json",
  };
  if (credential.kind === "bearer") headers.authorization = `Bearer ${credential.token}`;
  else headers.authtoken = credential.token;
  let response: Response;
  try {
    response = await fetch(
      new URL(
        `/v3/organizations/${encodeURIComponent(organizationUid)}/data_activation_layer`,
        baseUrl,
      ),
      { headers, signal: AbortSignal.timeout(10_000) },
    );
  } catch (error) {
    throw new ContentstackCallError(operation, "unreachable", { cause: error });
  }
  if (response.status === 401 || response.status === 403 || response.status === 404) return null;
  if (!response.ok)
    throw new ContentstackCallError(operation, `status ${response.status}`, {
      status: response.status,
    });
  const parsed = dalResponseSchema.safeParse(await response.json().catch(() => undefined));
  if (!parsed.success)
    throw new ContentstackCallError(operation, `unexpected body: ${parsed.error.message}`);
  return parsed.data.data_activation_layer;
}

/**
 * Seed 000's mapping for the person who opens the new account: Owner -> Admin, Admin -> the
 * Editor bundle (DESIGN §3.1). Members get nothing by default, so they are not added.
 */
export function rolesOnProvisioning(organization: ContentstackUserOrganization): string[] {
  if (organization.is_owner === true) return ["admin"];
  if (isOrganizationAdmin(organization))
    return [
      "segment_manager",
      "content_manager",
      "report_viewer",
      "experience_manager",
      "goal_manager",
    ];
  return [];
}

/** Accounts this module created from a DAL (records die with the store's reload, so a WeakSet). */
const fromDal = new WeakSet<AccountRecord>();

/**
 * The organization's Data & Insights account, created from its DAL: named after the organization
 * (seed 000: the account name matches the organization name), on the DAL's domain, owned by the
 * DAL's creator. Idempotent: an organization that already has an account gets it back unchanged.
 */
export function provisionFromDataActivationLayer(
  store: LyticsStore,
  organization: ContentstackUserOrganization,
  dal: DataActivationLayer,
): AccountRecord {
  const existing = store.accountsOfOrganization(organization.uid)[0];
  if (existing) return existing;
  const account = store.createAccount({
    organization_uid: organization.uid,
    owner_uid: dal.created_by,
    name: organization.name,
    domain: dal.domain,
    description: dal.title,
    connections: noConnections(),
  });
  fromDal.add(account);
  return account;
}

/**
 * Seed 000: in an account Contentstack provisioned through the DAL, roles follow the organization
 * role, so an Owner or Admin who launches and is not in it yet is added with their mapped roles
 * (whoever launches first, the creator or not). Members are left to explicit grants.
 */
export function admitToDalAccount(
  store: LyticsStore,
  account: AccountRecord,
  organization: ContentstackUserOrganization,
  person: ContentstackUser,
): void {
  if (!fromDal.has(account)) return;
  const roles = rolesOnProvisioning(organization);
  if (roles.length === 0) return;
  const name = `${person.first_name} ${person.last_name}`.trim() || person.email;
  const { user } = store.ensureUser({ email: person.email, name, cs_user_uid: person.uid });
  if (!account.members.has(user.id)) store.grant(account, user.id, roles, account.owner_uid);
}
