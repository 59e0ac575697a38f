import { z } from "zod";
import { API_READ_PERMISSIONS } from "../catalogue/api-read";
import { NAV_ITEMS } from "../catalogue/navigation-matrix";
import { resolveRole } from "../catalogue/roles";
import { TASK_PERMISSIONS } from "../catalogue/task-matrix";
import { InvalidQueryError } from "../errors/invalid-query-error";
import { UnknownRoleError } from "../errors/unknown-role-error";
import { formatPath } from "../policy/mapping-policy";
import { ACCESS_LEVEL_IDS, ORG_STANDINGS } from "../policy/access-levels";
import { PROJECT_ACTIONS } from "../project/project-actions";

const oneOf = (what: string, values: readonly string[]) => (issue: { input?: unknown }) =>
  `unknown ${what} ${JSON.stringify(issue.input)}; expected one of ${values.join(", ")}`;

const roles = z.array(z.string());

const taskQuery = z.strictObject({
  kind: z.literal("task"),
  roles,
  permission: z.enum([...TASK_PERMISSIONS, ...API_READ_PERMISSIONS], {
    error: oneOf("task permission", [...TASK_PERMISSIONS, ...API_READ_PERMISSIONS]),
  }),
});
const navQuery = z.strictObject({
  kind: z.literal("nav"),
  roles,
  item: z.enum(NAV_ITEMS, { error: oneOf("navigation item", NAV_ITEMS) }),
});
const orgRole = z.enum(ORG_STANDINGS, { error: oneOf("orgRole", ORG_STANDINGS) });
const projectQuery = z.strictObject({
  kind: z.literal("project"),
  orgRole,
  isProjectOwner: z.boolean().default(false),
  projectRoles: roles.default([]),
  action: z.enum(PROJECT_ACTIONS, { error: oneOf("project action", PROJECT_ACTIONS) }),
});
const levelQuery = z.strictObject({
  kind: z.literal("level"),
  orgRole,
  grantedLevel: z.enum(ACCESS_LEVEL_IDS, { error: oneOf("level", ACCESS_LEVEL_IDS) }).optional(),
  /** A mapping policy to answer with instead of the default; validated like any policy. */
  policy: z.unknown().optional(),
  rolesAvailable: z.array(z.string()).optional(),
});
const catalogueQuery = z.strictObject({ kind: z.literal("catalogue") });

const querySchema = z.discriminatedUnion(
  "kind",
  [taskQuery, navQuery, projectQuery, levelQuery, catalogueQuery],
  {
    error: (issue) =>
      issue.code === "invalid_union"
        ? 'unknown query kind; expected "task", "nav", "project", "level" or "catalogue"'
        : undefined,
  },
);

/** A query of one of the documented forms (see the package README / CLI help). */
export type ExplainQuery = z.output<typeof querySchema>;
export type TaskQuery = Extract<ExplainQuery, { kind: "task" }>;
export type NavQuery = Extract<ExplainQuery, { kind: "nav" }>;
export type ProjectQuery = Extract<ExplainQuery, { kind: "project" }>;
export type LevelExplainQuery = Extract<ExplainQuery, { kind: "level" }>;
export type CatalogueQuery = Extract<ExplainQuery, { kind: "catalogue" }>;

function checkRoles(field: string, values: readonly string[]): void {
  values.forEach((value, index) => {
    try {
      resolveRole(value);
    } catch (error) {
      if (error instanceof UnknownRoleError)
        throw new InvalidQueryError(`${field}[${index}]: ${error.message}`);
      throw error;
    }
  });
}

/**
 * Validates a query (already parsed from JSON). Role names are checked here so that a typo is an
 * error naming the field, never a silent "denied".
 *
 * @throws {@link InvalidQueryError} naming the offending field.
 */
export function parseExplainQuery(input: unknown): ExplainQuery {
  const result = querySchema.safeParse(input);
  if (!result.success) {
    const issue = result.error.issues[0];
    const where = issue && issue.path.length > 0 ? `${formatPath(issue.path)}: ` : "";
    throw new InvalidQueryError(`${where}${issue?.message ?? "invalid query"}`);
  }
  const query = result.data;
  if (query.kind === "task" || query.kind === "nav") checkRoles("roles", query.roles);
  if (query.kind === "project") checkRoles("projectRoles", query.projectRoles);
  return query;
}
