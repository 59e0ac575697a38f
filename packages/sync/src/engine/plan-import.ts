// The first-connection import read through the same ports as a reconcile (DESIGN §3.4): the
// organization's members, its state, every project's collaborators, then the pure import plan.
// Nothing is written here; the plan is shown first and saved by `applyImport` once accepted.
import { UntrustedListingError } from "../errors/untrusted-listing-error";
import { buildImportPlan, type ImportPlan } from "../import/import-plan";
import type { PlanProject } from "../plan/plan-input";
import { listingGuard } from "../safety/listing-guard";
import type { SyncPorts } from "./ports";
import { ownerOf, toPlanMembers, toPlanProject } from "./to-plan-input";

/**
 * Builds the import plan for an organization from what Contentstack and Lytics hold now.
 * @throws UntrustedListingError when the member listing is failed, empty or truncated
 */
export async function planImport(
  ports: Pick<SyncPorts, "members" | "lytics" | "state" | "clock">,
  orgUid: string,
): Promise<ImportPlan> {
  const listing = await ports.members.list();
  const ownerUid = ownerOf(listing);
  const guard = listingGuard({
    ok: true,
    count: listing.members.length,
    total: listing.total,
    ownerPresent: ownerUid !== null && listing.members.some((m) => m.userUid === ownerUid),
  });
  if (guard.outcome === "abort" || ownerUid === null)
    throw new UntrustedListingError(guard.rule, guard.reason);
  const state = await ports.state.load();
  const projects: PlanProject[] = [];
  for (const project of await ports.lytics.listProjects())
    projects.push(toPlanProject(project, await ports.lytics.listCollaborators(project.uid)));
  return buildImportPlan({
    orgUid,
    ownerUid,
    members: toPlanMembers(listing, state),
    projects,
    grants: state.grants,
    projectOwners: state.projectOwners,
    policy: state.policy,
    now: ports.clock.now(),
  });
}
