import "server-only";

import {
  evaluateOwnerOnlyAction,
  evaluateProjectAction,
  isOwnerOnlyAction,
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
 * The sync and policy pages (`sync.view`, `sync.run`, `policy.view`) are organization settings
 * too. The access review (`review.view`, its CSV export) is for Owners and Admins. Approving a
 * held plan, editing the policy and signing off a review are the Owner's alone
 * (packages/permissions' `org.owner-only` rule).
 */
export type AppAction =
  | ProjectAction
  | "sync.connect"
  | "sync.view"
  | "sync.run"
  | "sync.approve-held-plan"
  | "policy.view"
  | "policy.edit"
  | "review.view"
  | "review.sign-off"
  | "access-request.decide";

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

/** Organization-settings actions: decided by seed 002's `org.settings` rule (Owners and Admins). */
const ORG_SETTINGS_ACTIONS: ReadonlySet<AppAction> = new Set([
  "sync.connect",
  "sync.view",
  "sync.run",
  "policy.view",
  "review.view",
]);

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
  if (isOwnerOnlyAction(action)) return evaluateOwnerOnlyAction(subject.orgRole, action);
  if (ORG_SETTINGS_ACTIONS.has(action)) return evaluateProjectAction(subject, "org.settings");
  return evaluateProjectAction(subject, action as ProjectAction);
}
