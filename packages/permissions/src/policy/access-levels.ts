/**
 * Data & Insights access levels and the fixed part of seed 000's table: which level each
 * Contentstack organization role has. What each level means in Lytics roles is the editable part
 * (the mapping policy); this mapping is not, because it is how seed 000 defines the levels.
 */
export const ACCESS_LEVELS = [
  { id: "admin", label: "Admin" },
  { id: "editor", label: "Editor" },
  { id: "audience-manager", label: "Audience Manager" },
  { id: "data-manager", label: "Data Manager" },
  { id: "restricted", label: "Restricted" },
] as const;

/** Access level ids, in the order of {@link ACCESS_LEVELS}. */
export const ACCESS_LEVEL_IDS = [
  "admin",
  "editor",
  "audience-manager",
  "data-manager",
  "restricted",
] as const;

/** An access level id. */
export type AccessLevel = (typeof ACCESS_LEVEL_IDS)[number];

/** The levels an Owner may allow Members to be granted (seed 000 lists Member rows for the last two). */
export const MEMBER_GRANTABLE_CANDIDATES = ["editor", "audience-manager", "data-manager"] as const;

/** A level that may be granted to a Member. */
export type MemberGrantableLevel = (typeof MEMBER_GRANTABLE_CANDIDATES)[number];

/** A Contentstack organization role, as DESIGN §3.1 counts people. */
export type OrgRole = "owner" | "admin" | "member" | "guest";

/** Every org standing, in precedence order; `none` is someone not (or no longer) in the organization. */
export const ORG_STANDINGS = ["owner", "admin", "member", "guest", "none"] as const;

/** An organization role, or `none` for someone who is not (or no longer) in the organization. */
export type OrgStanding = (typeof ORG_STANDINGS)[number];

/**
 * Seed 000's level per org role. `null` for Members: none by default (seed 002), an Owner or Admin
 * may grant one of the policy's member-grantable levels.
 */
export const ORG_ROLE_LEVEL: Readonly<Record<OrgRole, AccessLevel | null>> = {
  owner: "admin",
  admin: "editor",
  member: null,
  guest: "restricted",
};

/** The display label of a level. */
export function levelLabel(level: AccessLevel): string {
  return ACCESS_LEVELS.find((entry) => entry.id === level)?.label ?? level;
}
