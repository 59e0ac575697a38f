import { z } from "zod";

import { resolveUserApiBaseUrl } from "../config/endpoints";
import { parseInput } from "../errors/invalid-input-error";
import { resolveCommonOptions, type CommonClientOptions } from "../http/common-options";
import { staticCredentials } from "../http/credentials";
import { createHttp } from "../http/request";
import { knownSlugsFrom, type KnownRoleSlugs } from "../roles/check-role-slugs";
import { checkedRoles } from "../roles/checked-roles";
import { createRoleSlugCache } from "../roles/role-slug-cache";
import { readV2Error } from "../wire/v2";
import { getRolesAvailable, type AvailableRole } from "./account";
import {
  getUser,
  inviteUser,
  listUsers,
  removeUser,
  replaceRoles,
  type LyticsUser,
  type RemoveOutcome,
} from "./users";

/** Options of {@link createLyticsUserClient}. */
export interface LyticsUserClientOptions extends CommonClientOptions {
  /**
   * The v2 API base URL; set it to reach the emulator.
   * @defaultValue `https://api.lytics.io`
   */
  baseUrl?: string;
  /** A Lytics API token for the account, sent as `Authorization: <token>` (no `Bearer`). */
  apiToken: string;
  /** The account's numeric id: whose `accounts[]` entry holds a user's roles. */
  aid: number;
  /**
   * The account's string id, sent as `?account_id=` so a token that reaches several accounts
   * acts on this one.
   * @defaultValue not sent
   */
  accountId?: string;
  /**
   * Invite without Lytics' welcome email (`?suppress=true`): people reach Lytics through
   * Contentstack, never by a Lytics login.
   * @defaultValue true
   */
  suppressInviteEmail?: boolean;
}

/** A new user for {@link LyticsUserClient.inviteUser}. */
export interface InviteUserInput {
  email: string;
  name?: string;
  /** At least one slug the account offers; `authed2` is added by Lytics and never sent. */
  roles: readonly string[];
}

/** The v2 user API of one Lytics account. */
export interface LyticsUserClient {
  readonly aid: number;
  /** Every admin user of the account, roles read from this account's entry. */
  listUsers(): Promise<LyticsUser[]>;
  /** A user by id or email; `null` when not on this account (a 404). */
  getUser(idOrEmail: string): Promise<LyticsUser | null>;
  /**
   * Adds a user with roles. `created` is true when Lytics created a new user (201), false when
   * an existing user was added (200). If they were already a member, their roles are reset to
   * `roles`: use {@link LyticsUserClient.replaceRoles} for members.
   * @throws {@link UnknownRoleSlugError} before anything is sent when a slug is not offered.
   */
  inviteUser(input: InviteUserInput): Promise<{ user: LyticsUser; created: boolean }>;
  /**
   * Replaces all of a member's roles on this account.
   * @throws {@link UnknownRoleSlugError} before anything is sent; {@link NotFoundError} when not a member.
   */
  replaceRoles(idOrEmail: string, roles: readonly string[]): Promise<LyticsUser>;
  /** Removes a user from this account; `absent` when they were not on it. */
  removeUser(idOrEmail: string): Promise<RemoveOutcome>;
  /** The account's `roles_available`, or `null` when it reports none. */
  getRolesAvailable(): Promise<AvailableRole[] | null>;
  /** The slugs writes are checked against: assignable `roles_available`, else the catalogue. */
  getAssignableRoleSlugs(): Promise<KnownRoleSlugs>;
}

const optionsSchema = z.object({
  apiToken: z.string().trim().min(1, "apiToken is required"),
  aid: z.number().int().positive(),
  accountId: z.string().min(1).optional(),
  suppressInviteEmail: z.boolean().default(true),
});

const idSchema = z.string().trim().min(1, "a user id or email is required");
const rolesSchema = z
  .array(z.string().min(1))
  .min(1, "give at least one role; to take all access away, remove the user");
const inviteSchema = z.object({
  email: z.email(),
  name: z.string().trim().min(1).optional(),
  roles: rolesSchema,
});

/**
 * A client for one account's users.
 *
 * @throws {@link InvalidInputError} when an option is invalid.
 */
export function createLyticsUserClient(options: LyticsUserClientOptions): LyticsUserClient {
  const own = parseInput(optionsSchema, options, "Lytics user client options");
  const baseUrl = resolveUserApiBaseUrl(options.baseUrl);
  const common = resolveCommonOptions(options, `v2|${baseUrl}|${own.aid}`, "lytics-v2");
  const http = createHttp({
    api: "lytics-v2",
    baseUrl,
    credentials: staticCredentials({ authorization: own.apiToken }),
    fixedHeaders: {},
    fixedQuery: own.accountId === undefined ? {} : { account_id: own.accountId },
    timeoutMs: common.timeoutMs,
    maxResponseBytes: common.maxResponseBytes,
    limiter: common.limiter,
    limiterKey: common.limiterKey,
    retry: common.retry,
    logger: common.logger,
    clock: common.clock,
    fetch: common.fetch,
    random: common.random,
    readError: readV2Error,
  });
  const roleCache = createRoleSlugCache(common.rolesCacheTtlMs);
  const { aid } = own;

  const loadAssignable = async () => {
    const roles = await getRolesAvailable(http, aid);
    return knownSlugsFrom(
      roles?.filter((role) => role.canBeAssigned).map((role) => role.slug) ?? null,
    );
  };
  const check = (roles: readonly string[]) =>
    checkedRoles(roleCache, String(aid), loadAssignable, roles);

  return {
    aid,
    listUsers: () => listUsers(http, aid),
    getUser: (idOrEmail) => getUser(http, aid, parseInput(idSchema, idOrEmail, "user id")),
    async inviteUser(input) {
      const request = parseInput(inviteSchema, input, "invite");
      const roles = await check(request.roles);
      return inviteUser(http, aid, { ...request, roles, suppressEmail: own.suppressInviteEmail });
    },
    async replaceRoles(idOrEmail, roles) {
      const id = parseInput(idSchema, idOrEmail, "user id");
      const checked = await check(parseInput(rolesSchema, roles, "roles"));
      return replaceRoles(http, aid, id, checked);
    },
    removeUser: (idOrEmail) => removeUser(http, parseInput(idSchema, idOrEmail, "user id")),
    getRolesAvailable: () => getRolesAvailable(http, aid),
    getAssignableRoleSlugs: () => roleCache.get(String(aid), loadAssignable),
  };
}
