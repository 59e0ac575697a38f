/**
 * Seed 001's footnote to the navigation matrix: "For access to look-a-like models you will need to
 * be an account admin or have a combination of Discovery Insight + a role that gives access to
 * Jobs/Auths." It widens the `lookalike-models` navigation row (Admin alone in the matrix).
 */
export const LOOKALIKE_FOOTNOTE = {
  item: "lookalike-models",
  /** The role that must be combined with a Jobs/Auths role. */
  combinedRole: "report_viewer",
  /** The navigation row whose holders count as "a role that gives access to Jobs/Auths". */
  requiresNavItem: "jobs-auths",
  source: "documented",
  evidence:
    "seed 001 footnote: look-a-like models need account Admin, or Discovery Insights plus a role " +
    "that gives access to Jobs/Auths",
} as const;
