import "server-only";

import type { Decision } from "@lytics-access/permissions";

import { authorize } from "../authorize";
import type { SessionState } from "../load-session";
import type { Services } from "../services";
import { readRequestProject, type RequestProject } from "./request-project";

type Active = Extract<SessionState, { status: "active" }>;

/** Whether the signed-in person may decide requests on a project, and the project as read. */
export interface DeciderAnswer {
  readonly decision: Decision;
  readonly project: RequestProject | null;
}

/** The answer for a project the person does not own: what their organization role alone allows. */
function orgLevelAnswer(state: Active): Decision {
  return authorize(state.person, "access-request.decide", {
    kind: "project",
    isProjectOwner: false,
    projectRoles: [],
  });
}

/** Whether the person decides requests on every project (an org Owner or Admin). */
export function decidesEverywhere(state: Active): boolean {
  return orgLevelAnswer(state).allowed;
}

/**
 * packages/permissions' answer (through `authorize`) to "may this person approve or decline
 * requests on this project": org Owners and Admins always, the project's owner for their project.
 * An Owner or Admin is answered without reading the project.
 */
export async function mayDecide(
  svc: Services,
  state: Active,
  projectUid: string,
): Promise<DeciderAnswer> {
  const asOrg = orgLevelAnswer(state);
  if (asOrg.allowed) return { decision: asOrg, project: null };
  const project = await readRequestProject(svc, state, projectUid);
  const decision = authorize(state.person, "access-request.decide", {
    kind: "project",
    isProjectOwner: project?.ownerUid === state.session.userUid,
    projectRoles: [],
  });
  return { decision, project };
}
