import type { ImportPlan } from "@lytics-access/sync";

/** What the Owner or Admin is shown before accepting the first-connection import. */
export interface ImportView {
  readonly importId: string;
  /** Collaborator roles that stay: adopted as grants, or already explained by org role or ownership. */
  readonly keep: number;
  readonly adopted: number;
  readonly explained: number;
  /** People on projects who are not in the organization: the first sync removes them. */
  readonly removeNotInOrganization: number;
  /** Invitations still pending in the organization: removed too until they accept. */
  readonly removePending: number;
  readonly summary: string;
  readonly removals: ReadonlyArray<{ email: string; projectUid: string; reason: string }>;
}

export function importView(plan: ImportPlan): ImportView {
  const adopted = plan.grants.length;
  const keep = adopted + plan.explained;
  const notInOrg = plan.notAdopted.filter((n) => n.reason === "not-in-organization").length;
  const pending = plan.notAdopted.length - notInOrg;
  const people = (n: number) => (n === 1 ? "person" : "people");
  return {
    importId: plan.importId,
    keep,
    adopted,
    explained: plan.explained,
    removeNotInOrganization: notInOrg,
    removePending: pending,
    summary:
      `${keep} ${keep === 1 ? "collaborator" : "collaborators"} already on your projects keep their roles; ` +
      `${notInOrg} ${people(notInOrg)} not in the organization will be removed` +
      (pending > 0
        ? `; ${pending} with a pending invitation will be removed until they accept`
        : "") +
      ".",
    removals: plan.notAdopted.map((n) => ({
      email: n.email,
      projectUid: n.projectId,
      reason: n.message,
    })),
  };
}
