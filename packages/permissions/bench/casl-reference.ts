// The same checks expressed in CASL (@casl/ability), as the reference the benchmark compares
// against. Dev-only: the package itself does not depend on CASL.
import { AbilityBuilder, createMongoAbility, subject, type MongoAbility } from "@casl/ability";
import {
  NAVIGATION_MATRIX,
  PROJECT_ACTION_TABLE,
  TASK_MATRIX,
  evaluateTask,
  toRoleSet,
  type OrgStanding,
} from "../src/index";
import type { BenchQuery } from "./workload";

/** One CASL ability per distinct role set. */
export type AbilityCache = Map<string, MongoAbility>;
type Ability = MongoAbility;

/** Rules for someone holding `roles` (Lytics roles, or project roles), as CASL would build them. */
export function abilityFor(roles: readonly string[], orgRole: OrgStanding = "member"): Ability {
  const { can, build } = new AbilityBuilder<Ability>(createMongoAbility);
  const set = toRoleSet(roles);
  for (const row of TASK_MATRIX) if ((row.mask & set.mask) !== 0) can(row.id, "Task");
  for (const row of NAVIGATION_MATRIX) if ((row.mask & set.mask) !== 0) can(row.id, "Nav");
  // The look-alike footnote, expanded at build time.
  const jobs = NAVIGATION_MATRIX.find((row) => row.id === "jobs-auths");
  if (
    set.slugs.includes("report_viewer") &&
    jobs &&
    set.slugs.some((slug) => slug !== "report_viewer" && jobs.cells[slug].held)
  )
    can("lookalike-models", "Nav");

  // Seed 002, with ownership as a condition on the project subject.
  if (orgRole === "owner" || orgRole === "admin") {
    for (const row of PROJECT_ACTION_TABLE) can(row.action, "Project");
  } else if (orgRole !== "none") {
    if (orgRole === "member") can("project.create", "Project");
    for (const row of PROJECT_ACTION_TABLE) {
      if (row.action === "org.settings" || row.action === "project.create") continue;
      can(row.action, "Project", { isProjectOwner: true });
      const need = row.collaborator;
      if (need.kind === "any-collaborator" && set.slugs.length > 0) can(row.action, "Project");
      if (need.kind === "tasks" && need.tasks.every((task) => evaluateTask(set, task).allowed))
        can(row.action, "Project");
    }
  }
  return build();
}

/** Answers a bench query with CASL; `cache` holds one ability per distinct role set, as an app would per user. */
export function caslCan(query: BenchQuery, cache: AbilityCache | null): boolean {
  const roles = query.kind === "project" ? query.projectRoles : query.roles;
  const orgRole = query.kind === "project" ? query.orgRole : "member";
  const key = `${orgRole}:${roles.join(",")}`;
  let ability = cache?.get(key);
  if (!ability) {
    ability = abilityFor(roles, orgRole);
    cache?.set(key, ability);
  }
  switch (query.kind) {
    case "task":
      return ability.can(query.permission, "Task");
    case "nav":
      return ability.can(query.item, "Nav");
    case "project":
      return ability.can(
        query.action,
        subject("Project", { isProjectOwner: query.isProjectOwner }),
      );
  }
}
