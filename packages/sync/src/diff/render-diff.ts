import type { Plan, StepWhy } from "../plan/plan-types";
import { planToDiffJson, type DiffLine } from "./diff-json";

const roles = (list: readonly string[]) => `[${list.join(", ")}]`;
const because = (why: readonly StepWhy[]) =>
  why.length === 0
    ? ""
    : `  because ${why.map((entry) => `${entry.text} (${entry.rule})`).join("; ")}`;

function line(entry: DiffLine, project: string): string {
  switch (entry.kind) {
    case "invite":
      return `+ invite ${entry.person} to ${project} ${roles(entry.after)}${because(entry.why)}`;
    case "replace-roles":
      return `~ ${entry.person} on ${project}: ${roles(entry.before)} -> ${roles(entry.after)}${entry.drift ? "  (drift: changed inside Lytics)" : ""}${because(entry.why)}`;
    case "remove":
      return `- remove ${entry.person} from ${project}: ${roles(entry.before)}${because(entry.why)}`;
  }
}

/**
 * The plan as plain text, grouped by project, for the dry run, the operator command and logs:
 * `+ invite ana@acme.test to Marketing [admin]  because …`, `~ bob@… on Web: [observer] -> […]`,
 * `- remove eve@… from Web: [admin]  because …`, then the notices and a summary line.
 */
export function renderDiff(plan: Plan): string {
  const diff = planToDiffJson(plan);
  const out: string[] = [
    `Plan ${plan.planId} for ${plan.orgUid} (policy v${plan.policyVersion}, ${plan.createdAt})`,
  ];
  if (diff.projects.length === 0) out.push("No changes.");
  for (const project of diff.projects) {
    out.push("", `${project.name} (${project.projectId})`);
    for (const entry of project.lines) out.push(`  ${line(entry, project.name)}`);
  }
  if (plan.notices.length > 0) {
    out.push("", "Notices");
    for (const notice of plan.notices) out.push(`  ! ${notice.message}`);
  }
  const s = plan.summary;
  out.push(
    "",
    `${s.invites} invite(s), ${s.roleChanges} role change(s) (${s.drift} drift), ${s.removals} removal(s), ${s.unchanged} unchanged; ${s.lyticsUsersTotal} Lytics user(s) in the organization.`,
  );
  return out.join("\n");
}
