import { catalogueSnapshot, type CatalogueSnapshot } from "../catalogue/catalogue-snapshot";
import type { Decision } from "../decision";
import { evaluateNav, evaluateTask } from "../evaluate/role-permissions";
import { DEFAULT_MAPPING_POLICY } from "../policy/default-policy";
import { parseMappingPolicy } from "../policy/mapping-policy";
import { accessLevelFor, type LevelAnswer } from "../policy/org-level";
import { evaluateProjectAction } from "../project/project-access";
import type {
  CatalogueQuery,
  ExplainQuery,
  LevelExplainQuery,
  NavQuery,
  ProjectQuery,
  TaskQuery,
} from "./explain-query";

/** Any answer of {@link explain}. */
export type ExplainAnswer = Decision | LevelAnswer | CatalogueSnapshot;

/**
 * Answers one query: the single entry point the CLI, the web app's access checker and the
 * troubleshooting pages share. Use {@link parseExplainQuery} first for untrusted input.
 *
 * @throws {@link UnknownRoleError} for an unknown role, {@link InvalidPolicyError} for a bad policy.
 */
export function explain(query: TaskQuery | NavQuery | ProjectQuery): Decision;
export function explain(query: LevelExplainQuery): LevelAnswer;
export function explain(query: CatalogueQuery): CatalogueSnapshot;
export function explain(query: ExplainQuery): ExplainAnswer;
export function explain(query: ExplainQuery): ExplainAnswer {
  switch (query.kind) {
    case "task":
      return evaluateTask(query.roles, query.permission);
    case "nav":
      return evaluateNav(query.roles, query.item);
    case "project":
      return evaluateProjectAction(
        {
          orgRole: query.orgRole,
          isProjectOwner: query.isProjectOwner,
          projectRoles: query.projectRoles,
        },
        query.action,
      );
    case "level": {
      const policy =
        query.policy === undefined
          ? DEFAULT_MAPPING_POLICY
          : parseMappingPolicy(query.policy, { rolesAvailable: query.rolesAvailable });
      return accessLevelFor({ orgRole: query.orgRole, grantedLevel: query.grantedLevel }, policy);
    }
    case "catalogue":
      return catalogueSnapshot();
  }
}
