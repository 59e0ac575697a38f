// Who is calling: the Lytics side never sees Contentstack's user store, so it asks Contentstack
// (`GET /v3/user`) with the caller's own credential, as the real Management API must. Answers are
// cached per credential to spare Contentstack a call per request in a burst, but an answer is only
// reused while Contentstack's state version is the one it was read at: any write there (a removal,
// a role change, a revoked token) makes every cached answer stale at once. Without a version
// source nothing is cached, since nothing could tell when an answer went stale. The TTL is only a
// backstop for what changes with time alone (a token expiring).
import { z } from "zod";

import { ContentstackCallError } from "../errors/contentstack-call-error";

const orgSchema = z.object({
  uid: z.string().min(1),
  name: z.string(),
  org_roles: z
    .array(z.object({ uid: z.string(), name: z.string(), admin: z.boolean().optional() }))
    .default([]),
  is_owner: z.boolean().optional(),
});

const userResponseSchema = z.object({
  user: z.object({
    uid: z.string().min(1),
    email: z.string(),
    first_name: z.string().optional().default(""),
    last_name: z.string().optional().default(""),
    organizations: z.array(orgSchema).default([]),
  }),
});

export type ContentstackUser = z.infer<typeof userResponseSchema>["user"];
export type ContentstackUserOrganization = z.infer<typeof orgSchema>;

/** Contentstack's verdict: the user, or why not (401: bad credential; 403: not for this organization). */
export type IdentityResult = { user: ContentstackUser } | { refused: 401 | 403 };

/** The caller's credential exactly as sent: a `Bearer` access token or an `authtoken`. */
export type ContentstackCredential =
  { kind: "bearer"; token: string } | { kind: "authtoken"; token: string };

export interface ContentstackIdentity {
  /** The user behind the credential, or Contentstack's refusal. */
  resolve(credential: ContentstackCredential, organizationUid: string): Promise<IdentityResult>;
  clear(): void;
}

export interface ContentstackIdentityOptions {
  baseUrl: string;
  /** How long an answer may be reused while the state version holds. */
  cacheMs: number;
  /**
   * Contentstack's state version: it changes with every write that could change who someone is
   * (membership, roles, sessions, tokens). Absent: nothing is cached.
   */
  stateVersion?: () => number;
  /** The clock, in milliseconds (tests inject one). @defaultValue Date.now */
  now?: () => number;
}

export function createContentstackIdentity(
  options: ContentstackIdentityOptions,
): ContentstackIdentity {
  const cache = new Map<string, { at: number; version: number; result: IdentityResult }>();
  const now = options.now ?? Date.now;
  const { stateVersion } = options;
  return {
    async resolve(credential, organizationUid) {
      if (!stateVersion || options.cacheMs <= 0)
        return fetchUser(options.baseUrl, credential, organizationUid);
      const key = `${credential.kind}:${credential.token}:${organizationUid}`;
      const hit = cache.get(key);
      if (hit && hit.version === stateVersion() && now() - hit.at < options.cacheMs)
        return hit.result;
      // The version is read before asking: a change that lands during the call makes this answer
      // stale for the next request rather than fresh.
      const version = stateVersion();
      const at = now();
      const result = await fetchUser(options.baseUrl, credential, organizationUid);
      cache.delete(key);
      cache.set(key, { at, version, result });
      // Keep the cache small: it only exists to spare Contentstack a call per request in a burst.
      if (cache.size > 1000) cache.delete(cache.keys().next().value as string);
      return result;
    },
    clear() {
      cache.clear();
    },
  };
}

export async function fetchUser(
  baseUrl: string,
  credential: ContentstackCredential,
  organizationUid: string,
): Promise<IdentityResult> {
  const headers: Record<string, string> = {
    organization_uid: organizationUid,
    accept: "application/json",
  };
  if (credential.kind === "bearer") headers.authorization = `Bearer ${credential.token}`;
  else headers.authtoken = credential.token;
  let response: Response;
  try {
    response = await fetch(new URL("/v3/user", baseUrl), {
      headers,
      signal: AbortSignal.timeout(10_000),
    });
  } catch (error) {
    throw new ContentstackCallError("GET /v3/user", "unreachable", { cause: error });
  }
  if (response.status === 401 || response.status === 403) return { refused: response.status };
  if (!response.ok)
    throw new ContentstackCallError("GET /v3/user", `status ${response.status}`, {
      status: response.status,
    });
  const parsed = userResponseSchema.safeParse(await response.json().catch(() => undefined));
  if (!parsed.success)
    throw new ContentstackCallError("GET /v3/user", `unexpected body: ${parsed.error.message}`);
  return { user: parsed.data.user };
}

/** Owner or Admin of the organization: seed 002's first rule. */
export function isOrganizationAdmin(organization: ContentstackUserOrganization): boolean {
  return (
    organization.is_owner === true ||
    organization.org_roles.some((role) => role.admin === true || role.name === "Admin")
  );
}
