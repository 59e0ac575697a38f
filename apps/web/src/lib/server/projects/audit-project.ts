import "server-only";

import type { SessionState } from "../load-session";
import type { Services } from "../services";
import { actorOf } from "./save-grant";

type Active = Extract<SessionState, { status: "active" }>;

export type ProjectChange =
  "created" | "edited" | "deleted" | "connection-added" | "connection-removed";

/**
 * Records a project change made through the app in the organization's audit log. Lytics keeps no
 * history the app can read, so this is the only record of who changed a project and when. Called
 * after the write succeeded; a failed audit write is reported in the server log and does not undo
 * the change the person already made.
 */
export async function auditProjectChange(
  svc: Services,
  state: Active,
  project: { uid: string; name: string },
  change: ProjectChange,
  fields: readonly string[] = [],
): Promise<void> {
  await svc.auditLog
    .append(state.session.orgUid, {
      kind: "project-changed",
      at: Date.now(),
      actor: actorOf(state),
      projectUid: project.uid,
      projectName: project.name,
      change,
      fields: [...fields],
    })
    .catch((error: unknown) =>
      console.error(
        `[web] audit of project ${project.uid} ${change} failed: ${error instanceof Error ? error.message : String(error)}`,
      ),
    );
}
