import { stableHash } from "../ids/stable-hash";
import { buildPlanWithState } from "../plan/build-plan";
import { normalizeEmail } from "../plan/person-key";
import type { GrantRecord, PlanInput } from "../plan/plan-input";
import { byString, normalizeRoles } from "../roles/role-set";

/** One collaborator adopted as an app grant. */
export interface AdoptedGrant extends GrantRecord {
  readonly email: string;
  readonly why: string;
}

/** A collaborator the import does not adopt, and why (the sync will then remove them). */
export interface NotAdopted {
  readonly projectId: string;
  readonly email: string;
  readonly roles: readonly string[];
  readonly reason: "not-in-organization" | "pending-invitation";
  readonly message: string;
}

/** The first-connection import (DESIGN §3.4), shown as a plan before anything is saved. */
export interface ImportPlan {
  /** Hash of the content, so an approval names exactly what was shown. */
  readonly importId: string;
  readonly orgUid: string;
  readonly createdAt: string;
  readonly grants: readonly AdoptedGrant[];
  readonly notAdopted: readonly NotAdopted[];
  /** Collaborators whose roles the organization role or ownership already explains. */
  readonly explained: number;
}

/**
 * On first connection, adopts the Lytics collaborators that exist already as app grants, so the
 * first reconcile does not take away access people have: for each active member on a project,
 * the roles their org role, level or project ownership does not already explain become a grant.
 * People outside the organization or still pending are not adopted (nothing could make them
 * eligible), and are listed so the Owner sees who the first sync will remove.
 */
export function buildImportPlan(input: Omit<PlanInput, "scope" | "lastSynced">): ImportPlan {
  const { desired } = buildPlanWithState({ ...input, scope: { kind: "full" } });
  const members = new Map<string, { key: string; uid: string | null; pending: boolean }>();
  for (const member of input.members) {
    const email = normalizeEmail(member.email);
    const entry = {
      key: member.uid ?? email,
      uid: member.uid,
      pending: member.status === "pending",
    };
    members.set(email, entry);
    if (member.uid !== null) members.set(member.uid, entry);
  }
  const grants: AdoptedGrant[] = [];
  const notAdopted: NotAdopted[] = [];
  let explained = 0;
  for (const project of [...input.projects].sort((a, b) => byString(a.id, b.id))) {
    const wanted = new Map(
      (desired.projects.find((p) => p.projectId === project.id)?.users ?? []).map((u) => [
        u.uid,
        u.roles,
      ]),
    );
    for (const collaborator of project.collaborators) {
      const email = normalizeEmail(collaborator.email);
      const member = members.get(collaborator.userUid) ?? members.get(email);
      const roles = normalizeRoles(collaborator.roles);
      if (!member || member.pending || member.uid === null) {
        const reason = member ? "pending-invitation" : "not-in-organization";
        notAdopted.push({
          projectId: project.id,
          email,
          roles,
          reason,
          message: `${email} on ${project.name} is not adopted: ${member ? "their organization invitation is still pending" : "they are not in the organization"}.`,
        });
        continue;
      }
      const have = new Set(wanted.get(member.key) ?? []);
      const extra = roles.filter((role) => !have.has(role));
      if (extra.length === 0) {
        explained += 1;
        continue;
      }
      grants.push({
        projectId: project.id,
        uid: member.uid,
        email,
        roles: extra,
        why: `Already on ${project.name} in Lytics with [${extra.join(", ")}], which their organization role does not give: adopted as a collaborator grant.`,
      });
    }
  }
  const content = { orgUid: input.orgUid, grants, notAdopted, explained };
  return {
    importId: stableHash("import", content),
    createdAt: new Date(
      typeof input.now === "number" ? input.now : Date.parse(input.now),
    ).toISOString(),
    ...content,
  };
}
