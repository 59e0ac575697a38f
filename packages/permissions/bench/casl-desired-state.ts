// The desired-state workload expressed in CASL, as the benchmark's reference: each person gets an
// ability whose rules say which roles (CASL fields) they may hold on which projects (conditions),
// and `permittedFieldsOf` answers "which roles on this project". Dev-only, like casl-reference.ts.
import { AbilityBuilder, createMongoAbility, subject, type MongoAbility } from "@casl/ability";
import { permittedFieldsOf } from "@casl/ability/extra";

import type { DesiredStateInput } from "../src/index";

type ProjectSubject = { id: string; ownerUid: string | null };

function abilitiesFor(input: DesiredStateInput): Map<string, MongoAbility> {
  const grantsByUid = new Map<string, Array<{ projectId: string; roles: readonly string[] }>>();
  for (const project of input.projects) {
    for (const grant of project.collaborators) {
      const list = grantsByUid.get(grant.uid) ?? [];
      list.push({ projectId: project.id, roles: grant.roles });
      grantsByUid.set(grant.uid, list);
    }
  }
  const { levels } = input.policy;
  const abilities = new Map<string, MongoAbility>();
  for (const member of input.members) {
    if (member.status === "pending") continue;
    const { can, build } = new AbilityBuilder<MongoAbility>(createMongoAbility);
    if (member.orgRole === "owner") can("hold", "Project", [...levels.admin.roles]);
    if (member.orgRole === "admin") can("hold", "Project", [...levels.editor.roles]);
    if (member.orgRole === "member" && member.grantedLevel)
      can("hold", "Project", [...levels[member.grantedLevel].roles]);
    // Seed 002: a project's creator always retains full access, whatever their org role became.
    can("hold", "Project", ["admin"], { ownerUid: member.uid });
    for (const grant of grantsByUid.get(member.uid) ?? [])
      if (grant.roles.length > 0) can("hold", "Project", [...grant.roles], { id: grant.projectId });
    abilities.set(member.uid, build());
  }
  return abilities;
}

/** projectId -> uid -> sorted roles, for every person who holds anything. */
export function caslDesiredState(input: DesiredStateInput): Map<string, Map<string, string>> {
  const abilities = abilitiesFor(input);
  const result = new Map<string, Map<string, string>>();
  for (const project of input.projects) {
    const users = new Map<string, string>();
    const target = subject("Project", {
      id: project.id,
      ownerUid: project.ownerUid ?? null,
    } satisfies ProjectSubject);
    for (const [uid, ability] of abilities) {
      const roles = permittedFieldsOf(ability, "hold", target, {
        fieldsFrom: (rule) => rule.fields ?? [],
      });
      if (roles.length > 0) users.set(uid, [...new Set(roles)].sort().join(","));
    }
    result.set(project.id, users);
  }
  return result;
}
