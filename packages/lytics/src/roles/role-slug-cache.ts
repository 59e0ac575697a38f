import type { KnownRoleSlugs } from "./check-role-slugs";

/**
 * How long an account's role list is trusted before it is read again.
 * Role sets change only when Lytics packages change, so five minutes costs nothing in accuracy
 * and saves one read per write during a sync.
 */
export const DEFAULT_ROLES_CACHE_TTL_MS = 5 * 60_000;

/** Remembers each account's (or project's) valid slugs; concurrent lookups share one read. */
export interface RoleSlugCache {
  get(key: string, load: () => Promise<KnownRoleSlugs>): Promise<KnownRoleSlugs>;
  /** Forgets one key, or everything. */
  clear(key?: string): void;
}

export function createRoleSlugCache(ttlMs: number, now: () => number = Date.now): RoleSlugCache {
  const entries = new Map<string, { expiresAt: number; value: Promise<KnownRoleSlugs> }>();
  return {
    get(key, load) {
      const entry = entries.get(key);
      if (entry && entry.expiresAt > now()) return entry.value;
      const value = load();
      entries.set(key, { expiresAt: now() + ttlMs, value });
      // A failed read is not remembered: the next write asks again.
      value.catch(() => {
        if (entries.get(key)?.value === value) entries.delete(key);
      });
      return value;
    },
    clear(key) {
      if (key === undefined) entries.clear();
      else entries.delete(key);
    },
  };
}
