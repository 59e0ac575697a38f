// The organization's role definitions and Owner, kept for a short time per organization. A member
// listing resolves every share's role with them, and reading them costs two Contentstack reads
// (`GET /organizations/:uid` and `/organizations/:uid/roles`) on top of the member pages: for a
// targeted sync of a small organization that is most of its Contentstack calls, on the same
// 10 reads/s budget as the audit-log poll. They almost never change (the roles are the fixed Admin
// and Member; the Owner changes by an ownership transfer, which the audit log records), so:
// - an entry lives `ttlMs` (60 s) on the injected clock;
// - the audit-log reader drops it when an item says the Owner changed (`ownership-transferred`) or
//   cannot be read (it might have said so), through a generation counter in Redis, so the replica
//   that runs the next sync drops its own copy too, not only the one that polled;
// - the listing itself reads both again when the held ones do not explain it (a role uid it does
//   not know, no Owner among the members), so what the cache holds never decides a role it cannot
//   explain.
// The listing guard is untouched: every member page is still read and counted.
import type { MemberRoleContext } from "@lytics-access/contentstack";
import type { Redis } from "ioredis";

import { QUEUE_PREFIX } from "../queues/constants";

/** How long an organization's roles and Owner are kept. */
export const ORG_ROLE_CACHE_TTL_MS = 60_000;

/** A counter per organization that every replica reads; bumping it drops every replica's entry. */
export interface RoleGenerations {
  read(orgUid: string): Promise<number>;
  bump(orgUid: string): Promise<void>;
}

export interface HeldRoles {
  /** The held roles and Owner, or undefined (none, expired, or dropped). */
  readonly context: MemberRoleContext | undefined;
  /** Keeps what a listing read, under the generation seen before the listing started. */
  keep(context: MemberRoleContext): void;
}

export interface OrgRoleCache {
  /** What is held for the organization; call before the listing, `keep` what it read. */
  lookup(orgUid: string): Promise<HeldRoles>;
  /** Drops the organization's entry here and, through the generation, on every replica. */
  invalidate(orgUid: string): Promise<void>;
}

export interface OrgRoleCacheOptions {
  /** @defaultValue {@link ORG_ROLE_CACHE_TTL_MS} */
  readonly ttlMs?: number;
  /** Epoch milliseconds. @defaultValue Date.now */
  readonly now?: () => number;
  /** Shared invalidation across replicas. @defaultValue this process only */
  readonly generations?: RoleGenerations;
}

interface Entry {
  readonly context: MemberRoleContext;
  readonly generation: number;
  readonly expiresAt: number;
}

export function createOrgRoleCache(options: OrgRoleCacheOptions = {}): OrgRoleCache {
  const ttlMs = options.ttlMs ?? ORG_ROLE_CACHE_TTL_MS;
  const now = options.now ?? Date.now;
  const entries = new Map<string, Entry>();
  return {
    async lookup(orgUid) {
      // Read before the listing: an invalidation during the listing makes what it read stale too.
      const generation = options.generations ? await options.generations.read(orgUid) : 0;
      const entry = entries.get(orgUid);
      const usable =
        entry !== undefined && entry.generation === generation && now() < entry.expiresAt;
      if (entry && !usable) entries.delete(orgUid);
      return {
        context: usable ? entry.context : undefined,
        keep(context) {
          entries.set(orgUid, { context, generation, expiresAt: now() + ttlMs });
        },
      };
    },
    async invalidate(orgUid) {
      entries.delete(orgUid);
      await options.generations?.bump(orgUid);
    },
  };
}

/** Generation counters in Redis, under the queues' prefix (one hash slot with them in a cluster). */
export function createRedisRoleGenerations(
  redis: Redis,
  prefix: string = QUEUE_PREFIX,
  // Longer than any entry lives: a counter that lapsed back to 0 must not revive an entry kept at 0.
  expireMs: number = 60 * ORG_ROLE_CACHE_TTL_MS,
): RoleGenerations {
  const key = (orgUid: string) => `${prefix}:org-roles-generation:${orgUid}`;
  return {
    async read(orgUid) {
      const value = Number(await redis.get(key(orgUid)));
      return Number.isFinite(value) ? value : 0;
    },
    async bump(orgUid) {
      await redis.multi().incr(key(orgUid)).pexpire(key(orgUid), expireMs).exec();
    },
  };
}
