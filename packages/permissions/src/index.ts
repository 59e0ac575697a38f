/**
 * @lytics-access/permissions: every access rule of DESIGN §3, pure (no I/O). The web app, the
 * worker and the troubleshooting tools ask here; nothing else re-implements a rule.
 */

// Decisions
export type { Decision, Layer, RuleId } from "./decision";

// Lytics role catalogue and matrices (seed 001)
export {
  LYTICS_ROLES,
  LYTICS_ROLE_SLUGS,
  isLyticsRoleSlug,
  resolveRole,
  resolveRoles,
  roleName,
  type LyticsRole,
  type LyticsRoleName,
  type LyticsRoleSlug,
  type RoleAbbreviation,
} from "./catalogue/roles";
export {
  holdersOf,
  type MatrixCell,
  type MatrixRow,
  type Provenance,
} from "./catalogue/matrix-row";
export {
  NAV_ITEMS,
  NAVIGATION_MATRIX,
  isNavItem,
  navRow,
  type NavItem,
} from "./catalogue/navigation-matrix";
export {
  TASK_MATRIX,
  TASK_PERMISSIONS,
  isTaskPermission,
  taskRow,
  type TaskPermission,
} from "./catalogue/task-matrix";
export { API_READ_FACT, API_READ_PERMISSIONS, type ApiReadPermission } from "./catalogue/api-read";
export { LOOKALIKE_FOOTNOTE } from "./catalogue/lookalike-footnote";
export {
  catalogueSnapshot,
  type CatalogueRow,
  type CatalogueSnapshot,
} from "./catalogue/catalogue-snapshot";

// Evaluation over any set of roles
export {
  evaluateNav,
  evaluateTask,
  permissionsOf,
  type GrantedPermissions,
  type RolesInput,
} from "./evaluate/role-permissions";
export { toRoleSet, type RoleSet } from "./evaluate/role-set";

// Organization role -> access level (seed 000)
export {
  ACCESS_LEVELS,
  ACCESS_LEVEL_IDS,
  ORG_ROLE_LEVEL,
  ORG_STANDINGS,
  type AccessLevel,
  type MemberGrantableLevel,
  type OrgRole,
  type OrgStanding,
} from "./policy/access-levels";
export {
  parseMappingPolicy,
  safeParseMappingPolicy,
  type MappingPolicy,
  type ParsePolicyOptions,
  type PolicyParseResult,
} from "./policy/mapping-policy";
export { DEFAULT_MAPPING_POLICY } from "./policy/default-policy";
export { accessLevelFor, type LevelAnswer, type LevelQuery } from "./policy/org-level";
export { orgStandingOf, type OrgStandingAnswer, type OrgUserFacts } from "./org/org-standing";
export {
  OWNER_ONLY_ACTIONS,
  evaluateOwnerOnlyAction,
  isOwnerOnlyAction,
  type OwnerOnlyAction,
} from "./org/owner-only-actions";

// Project access (seed 002)
export {
  PROJECT_ACTIONS,
  PROJECT_ACTION_TABLE,
  isProjectAction,
  type ProjectAction,
  type ProjectActionRow,
} from "./project/project-actions";
export { evaluateProjectAction, type ProjectSubject } from "./project/project-access";
export {
  evaluateCollaboratorChange,
  type ChangeTarget,
  type CollaboratorChange,
  type CollaboratorChangeKind,
} from "./project/collaborator-guards";

// Desired Lytics state (DESIGN §3.4)
export { computeDesiredState } from "./desired-state/desired-state";
export type {
  CollaboratorGrant,
  DesiredProjectState,
  DesiredState,
  DesiredStateInput,
  DesiredStateMember,
  DesiredStateNotice,
  DesiredStateProject,
  DesiredUser,
  RoleSource,
  RoleSourceKind,
} from "./desired-state/desired-state-types";

// One entry point for every query form
export { explain, type ExplainAnswer } from "./explain/explain";
export {
  parseExplainQuery,
  type CatalogueQuery,
  type ExplainQuery,
  type LevelExplainQuery,
  type NavQuery,
  type ProjectQuery,
  type TaskQuery,
} from "./explain/explain-query";

// Errors (each with a stable `code`)
export { InvalidDesiredStateInputError } from "./errors/invalid-desired-state-input-error";
export { InvalidPolicyError, type PolicyIssue } from "./errors/invalid-policy-error";
export { InvalidQueryError } from "./errors/invalid-query-error";
export { UnknownRoleError } from "./errors/unknown-role-error";
