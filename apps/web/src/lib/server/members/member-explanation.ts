import { explain, type LevelAnswer, type MappingPolicy } from "@lytics-access/permissions";
import type { DirectoryMeta, DirectoryRow } from "@lytics-access/store";

import {
  levelLabelOf,
  memberProjectView,
  memberRowView,
  roleLabel,
  type MemberProjectView,
  type MemberRowView,
} from "./member-view";

/** Why a person holds what they hold: packages/permissions' answer for each layer. */
export interface MemberExplanation {
  readonly member: MemberRowView;
  /** Seed 000's layer: organization role -> access level, with its rule and reasons. */
  readonly level: {
    readonly layer: LevelAnswer["layer"];
    readonly rule: LevelAnswer["rule"];
    readonly reasons: readonly string[];
    readonly levelLabel: string;
    readonly roles: readonly string[];
    readonly policyVersion: number;
  };
  /** §3.4's layer: per project, each source of roles (which rule, which roles, why). */
  readonly projects: readonly (MemberProjectView & {
    readonly inSync: boolean;
    readonly sources: readonly {
      readonly kind: string;
      readonly rule: string;
      readonly roles: readonly string[];
      readonly reason: string;
    }[];
  })[];
  readonly readAt: number;
  /** The snapshot was computed under another policy version than the one in force now. */
  readonly policyChanged: boolean;
}

const same = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && [...a].sort().every((v, i) => v === [...b].sort()[i]);

/**
 * The explanation of one directory row: the level answer asked of packages/permissions now (under
 * the organization's policy), beside the role sources the sync computed for each project.
 */
export function explainMember(
  row: DirectoryRow,
  meta: DirectoryMeta,
  policy: MappingPolicy,
): MemberExplanation {
  const answer = explain({
    kind: "level",
    orgRole: row.orgRole,
    ...(row.grantedLevel ? { grantedLevel: row.grantedLevel } : {}),
    policy,
  });
  return {
    member: memberRowView(row),
    level: {
      layer: answer.layer,
      rule: answer.rule,
      reasons: answer.reasons,
      levelLabel: levelLabelOf(answer.level),
      roles: answer.roles.map(roleLabel),
      policyVersion: answer.policyVersion,
    },
    projects: row.projects.map((p) => ({
      ...memberProjectView(p),
      inSync: p.actual === null ? p.desired.length === 0 : same(p.actual, p.desired),
      sources: p.sources.map((s) => ({ ...s, roles: s.roles.map(roleLabel) })),
    })),
    readAt: meta.readAt,
    policyChanged: meta.policyVersion !== policy.version,
  };
}
