import { ACCESS_LEVELS, LYTICS_ROLES } from "@lytics-access/permissions";
import type { DirectoryRow } from "@lytics-access/store";

/** A member's roles on one project, by name: what the rules want and what Lytics had. */
export interface MemberProjectView {
  readonly uid: string;
  readonly name: string;
  /** Role names the rules want there. */
  readonly desired: readonly string[];
  /** Role names Lytics had (after the run's writes); null when not on the project. */
  readonly actual: readonly string[] | null;
  readonly invited: boolean;
}

/** One row of the Members table as the browser gets it (no sources: those are the explanation). */
export interface MemberRowView {
  readonly key: string;
  readonly name: string | null;
  readonly email: string;
  readonly orgRole: DirectoryRow["orgRole"];
  readonly invitation: DirectoryRow["invitation"];
  readonly level: string | null;
  readonly levelLabel: string;
  readonly projects: readonly MemberProjectView[];
  readonly status: DirectoryRow["status"];
  readonly statusReasons: readonly string[];
}

const ROLE_NAMES = new Map<string, string>(LYTICS_ROLES.map((role) => [role.slug, role.name]));
const LEVEL_LABELS = new Map<string, string>(ACCESS_LEVELS.map((l) => [l.id, l.label]));

/** A Lytics role's name from its slug (the slug itself for one the catalogue does not know). */
export const roleLabel = (slug: string): string => ROLE_NAMES.get(slug) ?? slug;

export function levelLabelOf(level: string | null): string {
  return level === null ? "None" : (LEVEL_LABELS.get(level) ?? level);
}

export function memberProjectView(project: DirectoryRow["projects"][number]): MemberProjectView {
  return {
    uid: project.projectUid,
    name: project.projectName,
    desired: project.desired.map(roleLabel),
    actual: project.actual === null ? null : project.actual.map(roleLabel),
    invited: project.invited,
  };
}

export function memberRowView(row: DirectoryRow): MemberRowView {
  return {
    key: row.key,
    name: row.name,
    email: row.email,
    orgRole: row.orgRole,
    invitation: row.invitation,
    level: row.level,
    levelLabel: levelLabelOf(row.level),
    projects: row.projects.map(memberProjectView),
    status: row.status,
    statusReasons: row.statusReasons,
  };
}
