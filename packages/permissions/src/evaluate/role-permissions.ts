import { API_READ_FACT, isApiReadPermission, type ApiReadPermission } from "../catalogue/api-read";
import { holdersOf, type MatrixRow } from "../catalogue/matrix-row";
import { NAVIGATION_MATRIX, navRow, type NavItem } from "../catalogue/navigation-matrix";
import { TASK_MATRIX, taskRow, type TaskPermission } from "../catalogue/task-matrix";
import { decide, type Decision, type RuleId } from "../decision";
import { lookalikeNavDecision } from "./lookalike-rule";
import { cellProvenance, grantingRoles, listNames, toRoleSet, type RoleSet } from "./role-set";

/** Roles given by display name or slug, or an already resolved {@link RoleSet}. */
export type RolesInput = readonly string[] | RoleSet;

function matrixDecision(
  set: RoleSet,
  row: MatrixRow<string>,
  rule: RuleId,
  what: string,
): Decision {
  const granting = grantingRoles(set, row);
  const allowed = granting.length > 0;
  const first = allowed
    ? `${what} is granted by ${listNames(granting)}, among the roles held (${listNames(set.slugs)}).`
    : set.slugs.length === 0
      ? `${what} is denied: no Lytics roles are held.`
      : `${what} is denied: none of the roles held (${listNames(set.slugs)}) grants it, and roles only add permissions.`;
  const used = allowed ? granting : set.slugs;
  const reasons = [
    first,
    `Seed 001, ${row.group}, "${row.label}": held by ${listNames(holdersOf(row))} (${row.seedCount} of 11 roles).`,
  ];
  if (used.length > 0) reasons.push(`Cells used: ${cellProvenance(row, used)}.`);
  reasons.push(`Evidence: ${row.evidence}.`);
  return decide(allowed, "lytics-roles", rule, reasons);
}

/**
 * Whether a set of Lytics roles may perform a task (seed 001 task matrix, the PII rule, or the
 * all-roles API read fact). Roles are additive: one granting role is enough.
 *
 * @param roles - display names or slugs, e.g. `["Data Manager"]` or `["data_manager"]`.
 * @throws {@link UnknownRoleError} for a role that is not in the catalogue.
 */
export function evaluateTask(
  roles: RolesInput,
  permission: TaskPermission | ApiReadPermission,
): Decision {
  const set = toRoleSet(roles);
  if (isApiReadPermission(permission)) {
    const allowed = set.slugs.length > 0;
    return decide(allowed, "lytics-roles", "task.api-read-all-roles", [
      allowed
        ? `${permission} is granted to every role, including the roles held (${listNames(set.slugs)}).`
        : `${permission} is denied: it is granted to every role, but no Lytics roles are held.`,
      `Evidence: ${API_READ_FACT.evidence} (documented).`,
    ]);
  }
  const rule: RuleId = permission === "pii.view" ? "pii.roles" : "task.matrix";
  return matrixDecision(set, taskRow(permission), rule, permission);
}

/**
 * Whether a set of Lytics roles is shown a navigation item (seed 001 navigation matrix, plus the
 * look-alike footnote for `lookalike-models`).
 *
 * @throws {@link UnknownRoleError} for a role that is not in the catalogue.
 */
export function evaluateNav(roles: RolesInput, item: NavItem): Decision {
  const set = toRoleSet(roles);
  if (item === "lookalike-models") return lookalikeNavDecision(set);
  return matrixDecision(set, navRow(item), "nav.matrix", `Navigation item ${item}`);
}

/** Everything a set of roles grants, in catalogue order. */
export interface GrantedPermissions {
  readonly tasks: readonly TaskPermission[];
  readonly navigation: readonly NavItem[];
  readonly apiRead: readonly ApiReadPermission[];
}

/**
 * The union of everything a set of roles grants: the answer to "what can this person do".
 *
 * @throws {@link UnknownRoleError} for a role that is not in the catalogue.
 */
export function permissionsOf(roles: RolesInput): GrantedPermissions {
  const set = toRoleSet(roles);
  return {
    tasks: TASK_MATRIX.filter((row) => (row.mask & set.mask) !== 0).map((row) => row.id),
    navigation: NAVIGATION_MATRIX.filter((row) => evaluateNav(set, row.id).allowed).map(
      (row) => row.id,
    ),
    apiRead: set.slugs.length > 0 ? [...API_READ_FACT.permissions] : [],
  };
}
