// The roles a Lytics account offers when the fixture does not list them (`roles_available: null`).
// Slugs follow api-notes §A2.3; `goal_manager` is the emulator's own slug for Goal Manager (no public
// slug exists). `authed2` is the server-added baseline role: shown nowhere, never assignable.

/** One `roles_available[]` entry as `GET /v2/account/{aid}?roles=true` returns it (models.RolePolicy). */
export interface RolePolicy {
  slug: string;
  name: string;
  description: string;
  type: "composite" | "base" | "additional";
  can_be_assigned: boolean;
  can_be_shown: boolean;
  /** A map from a permission area to access levels (the spec only says "name -> int[]"). */
  permissions: Record<string, number[]>;
}

export const BASELINE_ROLE = "authed2";

const VIEW = 1;
const MANAGE = 2;

const DEFAULT_ROLES: readonly RolePolicy[] = [
  composite("admin", "Admin", "Full access to every feature, user and setting of the account.", {
    account: [VIEW, MANAGE],
    users: [VIEW, MANAGE],
    segments: [VIEW, MANAGE],
    data: [VIEW, MANAGE],
    pii: [VIEW],
  }),
  composite(
    "segment_manager",
    "Audience Manager",
    "Create and manage audiences, jobs and authorizations.",
    {
      segments: [VIEW, MANAGE],
      jobs: [VIEW, MANAGE],
    },
  ),
  composite(
    "campaign_manager",
    "Campaign Manager",
    "Manage audiences, experiences and campaigns.",
    {
      segments: [VIEW, MANAGE],
      experiences: [VIEW],
      jobs: [VIEW, MANAGE],
    },
  ),
  composite("content_manager", "Content Manager", "Manage content topics and collections.", {
    content: [VIEW, MANAGE],
  }),
  composite(
    "data_manager",
    "Data Manager",
    "Manage schema, queries, streams, jobs and PII fields.",
    {
      data: [VIEW, MANAGE],
      segments: [VIEW, MANAGE],
      pii: [VIEW],
    },
  ),
  composite("report_viewer", "Discovery Insights", "Use Discovery and look-alike insights.", {
    discovery: [VIEW],
  }),
  composite("experience_manager", "Experience Manager", "Manage experiences and personalization.", {
    experiences: [VIEW, MANAGE],
    segments: [VIEW, MANAGE],
  }),
  composite("goal_manager", "Goal Manager", "Manage goals.", { goals: [VIEW, MANAGE] }),
  composite("marketer", "Marketer", "Build audiences, content collections and campaigns.", {
    segments: [VIEW, MANAGE],
    content: [VIEW, MANAGE],
    jobs: [VIEW, MANAGE],
  }),
  composite("observer", "Observer", "Read-only access to audiences and reports.", {
    segments: [VIEW],
  }),
  composite("user_search", "User Search", "Look up user profiles, including PII.", {
    profiles: [VIEW],
    pii: [VIEW],
  }),
  {
    slug: BASELINE_ROLE,
    name: "Authenticated",
    description: "Baseline role the server adds to every user.",
    type: "base",
    can_be_assigned: false,
    can_be_shown: false,
    permissions: {},
  },
];

function composite(
  slug: string,
  name: string,
  description: string,
  permissions: Record<string, number[]>,
): RolePolicy {
  return {
    slug,
    name,
    description,
    type: "composite",
    can_be_assigned: true,
    can_be_shown: true,
    permissions,
  };
}

/** The `roles_available[]` list of an account: the fixture's slugs, or the default list. */
export function rolesAvailable(slugs: readonly string[] | null): RolePolicy[] {
  if (slugs === null) return DEFAULT_ROLES.map((role) => structuredClone(role));
  return slugs.map((slug) => {
    const known = DEFAULT_ROLES.find((role) => role.slug === slug);
    // A slug the default list does not know is still offered, named after itself.
    return known ? structuredClone(known) : { ...composite(slug, slug, slug, {}) };
  });
}

/** The display name of a role slug ("segment_manager" -> "Audience Manager"); unknown slugs as-is. */
export function roleDisplayName(slug: string): string {
  return DEFAULT_ROLES.find((role) => role.slug === slug)?.name ?? slug;
}

/** Roles that may view audiences (DESIGN §3.2 task matrix, "Audiences view"). */
export const AUDIENCE_VIEWER_ROLES: ReadonlySet<string> = new Set([
  "admin",
  "segment_manager",
  "campaign_manager",
  "data_manager",
  "experience_manager",
  "marketer",
  "observer",
]);
