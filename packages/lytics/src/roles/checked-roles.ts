import { UnknownRoleSlugError } from "../errors/unknown-role-slug-error";
import { checkRoleSlugs, type KnownRoleSlugs } from "./check-role-slugs";
import type { RoleSlugCache } from "./role-slug-cache";

/**
 * Checks `roles` against the cached list for `key`; when a slug is unknown and the list came
 * from the cache, reads the list once more before refusing, so a role the account gained a
 * minute ago is not refused for the cache's lifetime.
 *
 * @throws {@link UnknownRoleSlugError} when the fresh list still lacks a slug. Nothing is sent.
 */
export async function checkedRoles(
  cache: RoleSlugCache,
  key: string,
  load: () => Promise<KnownRoleSlugs>,
  roles: readonly string[],
): Promise<string[]> {
  let loaded = false;
  const tracked = async () => {
    loaded = true;
    return load();
  };
  try {
    return checkRoleSlugs(roles, await cache.get(key, tracked));
  } catch (error) {
    if (!(error instanceof UnknownRoleSlugError) || loaded) throw error;
    cache.clear(key);
    return checkRoleSlugs(roles, await cache.get(key, load));
  }
}
