/**
 * The role every Lytics user holds, which the Management API reports but nobody grants: the lytics
 * client strips it (`BASELINE_ROLE_SLUG` / `stripBaselineRoles` in packages/lytics). It is
 * re-declared here because sync depends on permissions only, and stripped again so a port wired to
 * raw data still yields a no-op plan for a converged organization.
 */
export const BASELINE_ROLE_SLUG = "authed2";

// Code-unit order, as packages/permissions sorts: the plan must not depend on the machine's locale.
const byString = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Role slugs as a set: baseline role dropped, duplicates dropped, sorted. */
export function normalizeRoles(roles: readonly string[] | null | undefined): string[] {
  return [...new Set((roles ?? []).filter((slug) => slug !== BASELINE_ROLE_SLUG))].sort(byString);
}

/** Order-insensitive equality of two role lists (both normalised first). */
export function sameRoles(a: readonly string[], b: readonly string[]): boolean {
  const left = normalizeRoles(a);
  const right = normalizeRoles(b);
  return left.length === right.length && left.every((role, index) => role === right[index]);
}

export { byString };
