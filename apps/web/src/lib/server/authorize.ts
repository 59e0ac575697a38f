import "server-only";

import {
  evaluateProjectAction,
  type Decision,
  type ProjectAction,
  type ProjectSubject,
} from "@lytics-access/permissions";
import type { SessionPerson } from "@lytics-access/store";

/**
 * What the app asks permission for. Project actions are seed 002's; `sync.connect` (connect or
 * reconnect the organization for the background sync) is an organization-settings action, so it
 * is decided by the same rule as `org.settings`: Owners and Admins only.
 * `access-request.decide` (approve or decline a request for roles on a project, DESIGN §5) is
 * granting access in the project owner's stead: seed 002's invite rule asked without the
 * person's own project roles, so only org Owners/Admins and the project's owner may.
 */
export type AppAction = ProjectAction | "sync.connect" | "access-request.decide";

/** What the action is about. */
export type AuthzResource =
  | { readonly kind: "organization" }
  | {
      readonly kind: "project";
      readonly isProjectOwner: boolean;
      /** The person's roles on the project (slugs or names); empty when not a collaborator. */
      readonly projectRoles: readonly string[];
    };

const ORGANIZATION: AuthzResource = { kind: "organization" };

/**
 * The one authorization question every route handler and page asks. The answer is the
 * permissions package's Decision, unchanged, so a refusal can cite its rule and reasons.
 * The person's standing was resolved on the server from the organization's users.
 */
export function authorize(
  person: Pick<SessionPerson, "role"> | null | undefined,
  action: AppAction,
  resource: AuthzResource = ORGANIZATION,
): Decision {
  const subject: ProjectSubject = {
    orgRole: person?.role ?? "none",
    isProjectOwner: resource.kind === "project" && resource.isProjectOwner,
    projectRoles: resource.kind === "project" ? resource.projectRoles : [],
  };
  if (action === "access-request.decide") {
    const decision = evaluateProjectAction({ ...subject, projectRoles: [] }, "project.invite");
    return decision.allowed
      ? decision
      : {
          ...decision,
          reasons: [
            "Only the project's owner and the organization's Owners and Admins decide access requests; a collaborator's own roles do not count.",
            ...decision.reasons,
          ],
        };
  }
  return evaluateProjectAction(subject, action === "sync.connect" ? "org.settings" : action);
}
