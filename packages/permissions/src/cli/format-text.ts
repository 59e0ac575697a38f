import type { CatalogueRow, CatalogueSnapshot } from "../catalogue/catalogue-snapshot";
import type { Decision } from "../decision";
import type { ExplainQuery } from "../explain/explain-query";
import type { LevelAnswer } from "../policy/org-level";

function describe(query: ExplainQuery): string {
  switch (query.kind) {
    case "task":
      return `task ${query.permission} for roles [${query.roles.join(", ")}]`;
    case "nav":
      return `navigation item ${query.item} for roles [${query.roles.join(", ")}]`;
    case "project":
      return (
        `${query.action} for org role ${query.orgRole}` +
        `${query.isProjectOwner ? ", project owner" : ""}, project roles [${query.projectRoles.join(", ")}]`
      );
    case "level":
      return `access level of org role ${query.orgRole}`;
    case "catalogue":
      return "catalogue";
  }
}

/** A decision in readable text: verdict, layer and rule, then the reasons. */
export function formatDecision(query: ExplainQuery, decision: Decision): string {
  return [
    `${decision.allowed ? "ALLOWED" : "DENIED"}: ${describe(query)}`,
    `layer: ${decision.layer}   rule: ${decision.rule}`,
    ...decision.reasons.map((reason) => `  - ${reason}`),
  ].join("\n");
}

/** A level answer in readable text. */
export function formatLevel(answer: LevelAnswer): string {
  return [
    `org role ${answer.orgRole} -> access level ${answer.levelLabel ?? "none"}`,
    `Lytics roles written: ${answer.roles.length > 0 ? answer.roles.join(", ") : "none"}`,
    ...(answer.memberGrantableLevels
      ? [`grantable to Members: ${answer.memberGrantableLevels.join(", ") || "none"}`]
      : []),
    `layer: ${answer.layer}   rule: ${answer.rule}   mapping policy v${answer.policyVersion}`,
    ...answer.reasons.map((reason) => `  - ${reason}`),
  ].join("\n");
}

// X documented and held, x inferred and held, - documented not held, . inferred not held.
const rowName = (row: CatalogueRow): string =>
  row.group === row.label ? row.label : `${row.group} / ${row.label}`;

function grid(title: string, rows: readonly CatalogueRow[], snapshot: CatalogueSnapshot): string[] {
  const width = Math.max(title.length, ...rows.map((row) => rowName(row).length)) + 2;
  const head = snapshot.roles.map((role) => role.abbreviation.padEnd(4)).join("");
  const lines = [`${title.padEnd(width)}${head}count`];
  for (const row of rows) {
    const cells = snapshot.roles
      .map((role) => {
        const cell = row.cells[role.slug];
        const mark = cell.held
          ? cell.source === "documented"
            ? "X"
            : "x"
          : cell.source === "documented"
            ? "-"
            : ".";
        return mark.padEnd(4);
      })
      .join("");
    lines.push(`${rowName(row).padEnd(width)}${cells}${row.holders.length}/${row.seedCount}`);
  }
  return lines;
}

/** The catalogue as two grids plus the documented rules. */
export function formatCatalogue(snapshot: CatalogueSnapshot): string {
  return [
    "Roles: " +
      snapshot.roles
        .map(
          (role) =>
            `${role.abbreviation}=${role.name} (${role.slug}${role.slugSource === "documented" ? "" : ", no public slug found"})`,
        )
        .join(", "),
    "Cells: X documented, x inferred, - documented not held, . inferred not held; count = holders/seed 001 count",
    "",
    ...grid("Navigation", snapshot.navigation, snapshot),
    "",
    ...grid("Tasks", snapshot.tasks, snapshot),
    "",
    `All roles: ${snapshot.apiReadForAllRoles.permissions.join(", ")} (${snapshot.apiReadForAllRoles.evidence})`,
    `Look-alike rule: ${snapshot.lookalikeFootnote.evidence}`,
  ].join("\n");
}
