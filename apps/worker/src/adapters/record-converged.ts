// What the sync last found converged, recorded after a run that applied its whole plan (or had
// nothing to do), so that a later hand change to those people is reported as drift when it is put
// back. Steps record their own roles as they land; this covers everyone no step touched.
import type { CollaboratorRecord, Plan } from "@lytics-access/sync";
import type { AppliedStepsStore, SyncedRoles } from "@lytics-access/store";

const pair = (projectUid: string, person: string) => `${projectUid}\n${person}`;

// Emails compare case-insensitively, as in the plan's own scope filter.
const normalizeEmail = (email: string): string => email.trim().toLowerCase();

/**
 * Which listed collaborators the plan's scope covers: everyone for a full run; for a targeted run
 * only the people it names (by Contentstack uid, which Lytics lists them under, or by email). A
 * targeted run saw everyone's listing, but it only decided about the people in scope, so only
 * their roles are known to be what the desired state says.
 */
function inScope(plan: Plan): (collaborator: CollaboratorRecord) => boolean {
  if (plan.scope.kind === "full") return () => true;
  const wanted = new Set<string>();
  for (const person of plan.scope.people) {
    wanted.add(person);
    wanted.add(normalizeEmail(person));
  }
  return (collaborator) =>
    wanted.has(collaborator.userUid) || wanted.has(normalizeEmail(collaborator.email));
}

/**
 * Records, for the people in the plan's scope whom no step touched, the roles each project listed
 * for them (the plan found them already as desired).
 */
export async function recordConverged(
  appliedSteps: AppliedStepsStore,
  orgUid: string,
  plan: Plan,
  listed: ReadonlyMap<string, readonly CollaboratorRecord[]>,
): Promise<number> {
  const touched = new Set<string>();
  for (const step of plan.steps)
    touched.add(
      pair(step.projectId, step.kind === "invite" ? step.person.key : step.lyticsUserUid),
    );
  for (const notice of plan.notices)
    if (notice.kind === "last-admin-kept") touched.add(pair(notice.projectId, notice.person));
  const covered = inScope(plan);
  const records: SyncedRoles[] = [];
  for (const [projectUid, collaborators] of listed)
    for (const collaborator of collaborators) {
      // Open invitations are keyed by email in the plan, and their roles are not yet anyone's.
      if (collaborator.userUid.startsWith("invite_")) continue;
      if (!covered(collaborator)) continue;
      if (touched.has(pair(projectUid, collaborator.userUid))) continue;
      records.push({ projectUid, person: collaborator.userUid, roles: [...collaborator.roles] });
    }
  if (records.length > 0) await appliedSteps.recordSynced(orgUid, records);
  return records.length;
}
