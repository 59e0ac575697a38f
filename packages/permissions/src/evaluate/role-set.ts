import { LYTICS_ROLE_SLUGS, resolveRoles, roleName, type LyticsRoleSlug } from "../catalogue/roles";
import type { MatrixRow } from "../catalogue/matrix-row";

/**
 * A person's Lytics roles, resolved once: slugs in catalogue order plus a bitmask, so that each
 * matrix check is one AND (roles are additive and there is no deny, seed 001).
 */
export interface RoleSet {
  readonly slugs: readonly LyticsRoleSlug[];
  readonly mask: number;
}

/**
 * Resolves roles given by display name or slug into a {@link RoleSet}.
 *
 * @throws {@link UnknownRoleError} for a role that is not in the catalogue.
 */
export function toRoleSet(roles: readonly string[] | RoleSet): RoleSet {
  if (!Array.isArray(roles)) return roles as RoleSet;
  const slugs = resolveRoles(roles as readonly string[]);
  let mask = 0;
  for (const slug of slugs) mask |= 1 << LYTICS_ROLE_SLUGS.indexOf(slug);
  return { slugs, mask };
}

/** The roles of `set` that hold `row`, in catalogue order. */
export function grantingRoles(set: RoleSet, row: MatrixRow<string>): LyticsRoleSlug[] {
  return set.slugs.filter((slug) => row.cells[slug].held);
}

/** "Admin, Data Manager and User Search"; "none" for an empty list. */
export function listNames(slugs: readonly LyticsRoleSlug[]): string {
  const names = slugs.map(roleName);
  if (names.length === 0) return "none";
  if (names.length === 1) return names[0] ?? "";
  return `${names.slice(0, -1).join(", ")} and ${names[names.length - 1] ?? ""}`;
}

/** "Audience Manager: inferred, Observer: inferred" for the cells of `slugs` on `row`. */
export function cellProvenance(row: MatrixRow<string>, slugs: readonly LyticsRoleSlug[]): string {
  return slugs.map((slug) => `${roleName(slug)}: ${row.cells[slug].source}`).join(", ");
}
