import { UnknownRoleSlugError, type RoleSlugSource } from "../errors/unknown-role-slug-error";
import { CATALOGUE_ROLE_SLUGS } from "./catalogue-slugs";

/**
 * The baseline role Lytics adds to every user of an account. It is the server's to manage: it is
 * stripped when roles are read and refused when a write names it (api-notes Part A §2.3).
 */
export const BASELINE_ROLE_SLUG = "authed2";

/** The slugs a write may use, and where that list came from. */
export interface KnownRoleSlugs {
  slugs: readonly string[];
  source: RoleSlugSource;
}

/** The static catalogue, for accounts that report no `roles_available`. */
export function catalogueRoleSlugs(): KnownRoleSlugs {
  return { slugs: CATALOGUE_ROLE_SLUGS, source: "catalogue" };
}

/**
 * The account's assignable slugs when it reports any; otherwise the catalogue. A reported list
 * wins over the catalogue, because packages can change an account's role set (DESIGN §3.2).
 */
export function knownSlugsFrom(assignable: readonly string[] | null): KnownRoleSlugs {
  const slugs = (assignable ?? []).filter((slug) => slug !== BASELINE_ROLE_SLUG);
  return slugs.length > 0 ? { slugs, source: "roles-available" } : catalogueRoleSlugs();
}

/**
 * Checks a write's role slugs before anything is sent, and returns them without duplicates in
 * request order.
 *
 * @throws {@link UnknownRoleSlugError} naming every slug that is not in `known`, and
 * `authed2`, which is never sent.
 */
export function checkRoleSlugs(requested: readonly string[], known: KnownRoleSlugs): string[] {
  const allowed = new Set(known.slugs);
  const unique = [...new Set(requested)];
  const unknown = unique.filter((slug) => slug === BASELINE_ROLE_SLUG || !allowed.has(slug));
  if (unknown.length > 0) throw new UnknownRoleSlugError(unknown, known.slugs, known.source);
  return unique;
}

/** A user's or collaborator's roles as read: without the server-added baseline, no duplicates. */
export function stripBaselineRoles(roles: readonly string[] | null | undefined): string[] {
  return [...new Set((roles ?? []).filter((slug) => slug !== BASELINE_ROLE_SLUG))];
}
