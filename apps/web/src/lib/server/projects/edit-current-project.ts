import "server-only";

import type { LyticsProject } from "@lytics-access/lytics";

import type { Services } from "../services";
import { projectEtag } from "./etag";
import { writeAsAllowed, type Active } from "./project-context";
import { notVisible, staleEdit, withProjectLock } from "./request-parts";

/**
 * Runs `write` on the project as it is now, when that is still the version the person edited.
 * Under the project's write lock the project is read again, so the version checked is the one
 * the write replaces; a change made meanwhile, or another save holding the lock, is answered 409
 * with the current version rather than overwritten.
 */
export async function editCurrentProject(
  svc: Services,
  state: Active,
  projectUid: string,
  editedEtag: string,
  write: (current: LyticsProject) => Promise<Response>,
): Promise<Response> {
  const outcome = await withProjectLock(svc, state.session.orgUid, projectUid, async () => {
    const current = await writeAsAllowed(svc, state, (client) => client.getProject(projectUid));
    if (!current) return notVisible(projectUid);
    if (projectEtag(current) !== editedEtag)
      return staleEdit("The project", { project: current, etag: projectEtag(current) });
    return write(current);
  });
  return outcome === "busy" ? staleEdit("The project", null) : outcome;
}
