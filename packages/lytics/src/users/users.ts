// The v2 user API of one account: list, get, invite, replace roles, remove (api-notes Part A §2.2).
import { z } from "zod";

import { NotFoundError } from "@lytics-access/http";
import type { LyticsHttp } from "../http/request";
import { stripBaselineRoles } from "../roles/check-role-slugs";
import { wireUserListResponseSchema, wireUserResponseSchema, type WireUser } from "../wire/v2";

/** A Lytics admin user as seen from one account. */
export interface LyticsUser {
  id: string;
  email: string;
  name: string | null;
  /** The user's roles on this account (the `accounts[]` entry whose `aid` matches), without `authed2`. */
  roles: string[];
  /** False when the record has no entry for this account: the user then holds no role here. */
  onAccount: boolean;
  created: string | null;
  lastLogon: string | null;
}

/** What removing a user did. `absent`: the user was not on the account, so nothing changed. */
export type RemoveOutcome = "removed" | "absent";

/** Reshapes a wire user for account `aid`. Other accounts' roles are never mixed in. */
export function toLyticsUser(wire: WireUser, aid: number): LyticsUser {
  const entry = wire.accounts?.find((account) => account.aid === aid);
  return {
    id: wire.id,
    email: wire.email,
    name: wire.name ?? null,
    roles: stripBaselineRoles(entry?.roles),
    onAccount: entry !== undefined,
    created: wire.created ?? null,
    lastLogon: wire.last_logon ?? null,
  };
}

const userPath = (idOrEmail: string) => `/v2/user/${encodeURIComponent(idOrEmail)}`;

/** Every admin user of the account. Lytics does not paginate this list. */
export async function listUsers(http: LyticsHttp, aid: number): Promise<LyticsUser[]> {
  const { data } = await http({
    method: "GET",
    route: "/v2/user",
    path: "/v2/user",
    policy: "idempotent",
    expect: [200],
    schema: wireUserListResponseSchema,
  });
  return data.data.map((wire) => toLyticsUser(wire, aid));
}

/** One user by id or email, or `null` when not on this account (even if known elsewhere). */
export async function getUser(
  http: LyticsHttp,
  aid: number,
  idOrEmail: string,
): Promise<LyticsUser | null> {
  try {
    const { data } = await http({
      method: "GET",
      route: "/v2/user/:id",
      path: userPath(idOrEmail),
      policy: "idempotent",
      expect: [200],
      schema: wireUserResponseSchema,
    });
    return toLyticsUser(data.data, aid);
  } catch (error) {
    if (error instanceof NotFoundError) return null;
    throw error;
  }
}

/** Input of {@link inviteUser}, already checked. */
export interface InviteRequest {
  email: string;
  name?: string | undefined;
  roles: readonly string[];
  suppressEmail: boolean;
}

/**
 * Adds a user to the account with `roles`. 201: a new Lytics user was created; 200: an existing
 * user was added, or an existing member's roles were reset to `roles`. Only a 429 or a refused
 * connection is retried: after anything else the invite may already be applied.
 */
export async function inviteUser(
  http: LyticsHttp,
  aid: number,
  request: InviteRequest,
): Promise<{ user: LyticsUser; created: boolean }> {
  const { status, data } = await http({
    method: "POST",
    route: "/v2/user",
    path: "/v2/user",
    ...(request.suppressEmail ? { query: { suppress: "true" } } : {}),
    body: {
      email: request.email,
      ...(request.name === undefined ? {} : { name: request.name }),
      roles: request.roles,
    },
    policy: "unapplied-only",
    expect: [200, 201],
    schema: wireUserResponseSchema,
  });
  return { user: toLyticsUser(data.data, aid), created: status === 201 };
}

/**
 * Replaces all of the user's roles on this account. Never adds anyone.
 *
 * @throws {@link NotFoundError} when the user is not on the account.
 */
export async function replaceRoles(
  http: LyticsHttp,
  aid: number,
  idOrEmail: string,
  roles: readonly string[],
): Promise<LyticsUser> {
  const { data } = await http({
    method: "POST",
    route: "/v2/user/:id/roles",
    path: `${userPath(idOrEmail)}/roles`,
    // The spec's `models.RoleReq`; the emulator also takes the bare array Lytics' skills send.
    body: { roles },
    // Replacing with the same set twice ends in the same state.
    policy: "idempotent",
    expect: [200],
    schema: wireUserResponseSchema,
  });
  return toLyticsUser(data.data, aid);
}

/** Removes the user's access to this account only; `absent` when there was none to remove. */
export async function removeUser(http: LyticsHttp, idOrEmail: string): Promise<RemoveOutcome> {
  try {
    await http({
      method: "DELETE",
      route: "/v2/user/:id",
      path: userPath(idOrEmail),
      policy: "idempotent",
      expect: [204],
      schema: z.unknown(),
    });
    return "removed";
  } catch (error) {
    // After a retried DELETE, a 404 can also mean our earlier attempt did remove the user.
    if (error instanceof NotFoundError) return "absent";
    throw error;
  }
}
