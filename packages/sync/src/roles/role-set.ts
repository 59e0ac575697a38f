/**
 * The role every Lytics user holds, which the Management API reports but nobody grants: the lytics
 * client strips it (`BASELINE_ROLE_SLUG` / `stripBaselineRoles` in packages/lytics). It is
 * re-declared here because sync depends on permissions only, and stripped again so a port wired to
 * raw data still yields a no-op plan for a converged organization.
 */
export const BASELINE_ROLE_SLUG = "authed2";

// Code-unit order, as packages/permissions sorts: the plan must not depend on the machine's locale.
const byString = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Role slugs as a set: baseline role dropped, duplicates dropped, sorted. Called for every
 * collaborator of every project, so it makes one array and no Set (role lists are a few slugs).
 */
export function normalizeRoles(roles: readonly string[] | null | undefined): string[] {
  const out: string[] = [];
  if (!roles) return out;
  for (const slug of roles) if (slug !== BASELINE_ROLE_SLUG) out.push(slug);
  if (out.length < 2) return out;
  out.sort(byString);
  let kept = 1;
  for (let index = 1; index < out.length; index += 1)
    if (out[index] !== out[kept - 1]) out[kept++] = out[index] as string;
  out.length = kept;
  return out;
}

// Role lists are a few slugs (the catalogue has eleven): up to this length they are compared in
// place, without building the normalised lists.
const SMALL = 16;

/** Whether `slug` (not the baseline) is in `roles`. */
function holds(roles: readonly string[], slug: string): boolean {
  for (let index = 0; index < roles.length; index += 1) if (roles[index] === slug) return true;
  return false;
}

/** Order-insensitive equality of two role lists: duplicates and the baseline role ignored. */
export function sameRoles(a: readonly string[], b: readonly string[]): boolean {
  if (a.length > SMALL || b.length > SMALL) {
    const left = normalizeRoles(a);
    const right = normalizeRoles(b);
    return left.length === right.length && left.every((role, index) => role === right[index]);
  }
  // Called for every person of every project: each side's slugs all in the other, no allocation.
  for (const slug of a) if (slug !== BASELINE_ROLE_SLUG && !holds(b, slug)) return false;
  for (const slug of b) if (slug !== BASELINE_ROLE_SLUG && !holds(a, slug)) return false;
  return true;
}

export { byString };
