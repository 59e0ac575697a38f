import { LOOKALIKE_FOOTNOTE } from "../catalogue/lookalike-footnote";
import { holdersOf } from "../catalogue/matrix-row";
import { navRow } from "../catalogue/navigation-matrix";
import { decide, type Decision } from "../decision";
import { grantingRoles, listNames, type RoleSet } from "./role-set";

/**
 * Seed 001's look-alike rule: Admin, or Discovery Insights plus a role that gives access to
 * Jobs/Auths. "A role that gives access to Jobs/Auths" is read from the navigation matrix, so the
 * rule follows the matrix if its inferred cells are ever corrected.
 */
export function lookalikeNavDecision(set: RoleSet): Decision {
  const evidence = `Evidence: ${LOOKALIKE_FOOTNOTE.evidence} (documented).`;
  if (set.slugs.includes("admin")) {
    return decide(true, "lytics-roles", "nav.lookalike-footnote", [
      "Navigation item lookalike-models is granted by Admin.",
      evidence,
    ]);
  }
  const jobsRow = navRow(LOOKALIKE_FOOTNOTE.requiresNavItem);
  const hasDiscovery = set.slugs.includes(LOOKALIKE_FOOTNOTE.combinedRole);
  const jobsRoles = grantingRoles(set, jobsRow).filter(
    (slug) => slug !== LOOKALIKE_FOOTNOTE.combinedRole,
  );
  if (hasDiscovery && jobsRoles.length > 0) {
    return decide(true, "lytics-roles", "nav.lookalike-footnote", [
      `Navigation item lookalike-models is granted by Discovery Insights combined with ${listNames(jobsRoles)}, which gives access to Jobs/Auths.`,
      evidence,
    ]);
  }
  const missing = hasDiscovery
    ? `Discovery Insights is held, but no other role held gives access to Jobs/Auths (those are ${listNames(holdersOf(jobsRow))}).`
    : set.slugs.length === 0
      ? "No Lytics roles are held."
      : `Neither Admin nor Discovery Insights is held (roles held: ${listNames(set.slugs)}).`;
  return decide(false, "lytics-roles", "nav.lookalike-footnote", [
    `Navigation item lookalike-models is denied: it needs Admin, or Discovery Insights plus a role that gives access to Jobs/Auths. ${missing}`,
    evidence,
  ]);
}
