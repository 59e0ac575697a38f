import {
  LYTICS_ROLES,
  isLyticsRoleSlug,
  permissionsOf,
  roleName,
  taskRow,
} from "@lytics-access/permissions";
import type { AssignableRole } from "@lytics-access/lytics";

/** A role the picker offers: what Lytics calls it and says about it, and what seed 001 grants. */
export interface RoleOption {
  readonly slug: string;
  readonly name: string;
  /** Lytics' own description of the role (`GET /projects/{id}/roles`), when it gives one. */
  readonly description: string | null;
  /** The tasks the role grants (seed 001 task matrix), as "Group: Task". */
  readonly grants: readonly string[];
}

/** What one role grants, in the task matrix's words; empty for a role the catalogue does not know. */
export function grantsOf(slug: string): string[] {
  if (!isLyticsRoleSlug(slug)) return [];
  return permissionsOf([slug]).tasks.map((task) => {
    const row = taskRow(task);
    return `${row.group}: ${row.label}`;
  });
}

/** The display name of a slug: the catalogue's, else the slug itself. */
export const roleLabel = (slug: string): string => (isLyticsRoleSlug(slug) ? roleName(slug) : slug);

/**
 * The roles a project offers (its `roles_available`, which wins over the static catalogue, DESIGN
 * §3.2), each with its description and what it grants. Without the project's list (it could not
 * be read), the catalogue's eleven.
 */
export function roleOptions(assignable: readonly AssignableRole[] | null): RoleOption[] {
  const source: ReadonlyArray<{ slug: string; name: string | null; description: string | null }> =
    assignable ??
    LYTICS_ROLES.map((role) => ({ slug: role.slug, name: role.name, description: null }));
  return source.map((role) => ({
    slug: role.slug,
    name: role.name ?? roleLabel(role.slug),
    description: role.description,
    grants: grantsOf(role.slug),
  }));
}
