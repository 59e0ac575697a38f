import { UnknownRoleError } from "../errors/unknown-role-error";

/**
 * The eleven Lytics roles of seed 001, in the seed's column order, with their API slugs
 * (DESIGN §3.2). The order is significant: matrices index cells by this order.
 */
export const LYTICS_ROLES = [
  { name: "Admin", slug: "admin", abbreviation: "A", slugSource: "documented" },
  {
    name: "Audience Manager",
    slug: "segment_manager",
    abbreviation: "AM",
    slugSource: "documented",
  },
  {
    name: "Campaign Manager",
    slug: "campaign_manager",
    abbreviation: "CM",
    slugSource: "documented",
  },
  {
    name: "Content Manager",
    slug: "content_manager",
    abbreviation: "CoM",
    slugSource: "documented",
  },
  { name: "Data Manager", slug: "data_manager", abbreviation: "DM", slugSource: "documented" },
  {
    name: "Discovery Insights",
    slug: "report_viewer",
    abbreviation: "DI",
    slugSource: "documented",
  },
  {
    name: "Experience Manager",
    slug: "experience_manager",
    abbreviation: "EM",
    slugSource: "documented",
  },
  // No public source gives Goal Manager's slug; this one follows the naming of the others.
  {
    name: "Goal Manager",
    slug: "goal_manager",
    abbreviation: "GM",
    slugSource: "no-public-slug-found",
  },
  { name: "Marketer", slug: "marketer", abbreviation: "MK", slugSource: "documented" },
  { name: "Observer", slug: "observer", abbreviation: "OB", slugSource: "documented" },
  { name: "User Search", slug: "user_search", abbreviation: "US", slugSource: "documented" },
] as const;

/** One catalogue role. */
export type LyticsRole = (typeof LYTICS_ROLES)[number];
/** A role's display name, as in the Lytics UI and seed 001. */
export type LyticsRoleName = LyticsRole["name"];
/** A role's slug, as the Lytics API stores it. */
export type LyticsRoleSlug = LyticsRole["slug"];
/** The short column labels of DESIGN §3.2 (A, AM, CM ...). */
export type RoleAbbreviation = LyticsRole["abbreviation"];

/** All slugs, in catalogue order. */
export const LYTICS_ROLE_SLUGS: readonly LyticsRoleSlug[] = LYTICS_ROLES.map((role) => role.slug);

const BY_SLUG = new Map<string, LyticsRole>(LYTICS_ROLES.map((role) => [role.slug, role]));
const BY_ABBREVIATION = new Map<string, LyticsRole>(
  LYTICS_ROLES.map((role) => [role.abbreviation, role]),
);
// Display names and slugs are both accepted, case-insensitively, because people type either.
const BY_LOOKUP_KEY = new Map<string, LyticsRole>(
  LYTICS_ROLES.flatMap((role) => [
    [role.name.toLowerCase(), role],
    [role.slug, role],
  ]),
);

/** True when `value` is one of the eleven catalogue slugs. */
export function isLyticsRoleSlug(value: string): value is LyticsRoleSlug {
  return BY_SLUG.has(value);
}

/** The catalogue entry for a slug. */
export function roleBySlug(slug: LyticsRoleSlug): LyticsRole {
  const role = BY_SLUG.get(slug);
  if (!role) throw new UnknownRoleError(slug);
  return role;
}

/** The display name of a slug (`segment_manager` -> `Audience Manager`). */
export function roleName(slug: LyticsRoleSlug): LyticsRoleName {
  return roleBySlug(slug).name;
}

/** The catalogue role for one of DESIGN §3.2's abbreviations; used to write matrices compactly. */
export function roleByAbbreviation(abbreviation: RoleAbbreviation): LyticsRole {
  const role = BY_ABBREVIATION.get(abbreviation);
  if (!role) throw new UnknownRoleError(abbreviation);
  return role;
}

/**
 * Resolves a role given by display name or slug (case-insensitive, surrounding spaces ignored).
 *
 * @throws {@link UnknownRoleError} when it names no catalogue role.
 */
export function resolveRole(nameOrSlug: string): LyticsRoleSlug {
  const role = BY_LOOKUP_KEY.get(nameOrSlug.trim().toLowerCase());
  if (!role) throw new UnknownRoleError(nameOrSlug);
  return role.slug;
}

/** Resolves many roles, dropping duplicates and returning them in catalogue order. */
export function resolveRoles(namesOrSlugs: readonly string[]): LyticsRoleSlug[] {
  const wanted = new Set(namesOrSlugs.map(resolveRole));
  return LYTICS_ROLE_SLUGS.filter((slug) => wanted.has(slug));
}
