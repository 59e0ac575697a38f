import "server-only";

import {
  accessLevelFor,
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
 * The sync and policy pages (`sync.view`, `sync.run`, `policy.view`) are organization settings
 * too; `sync.approve-held-plan` and `policy.edit` are the Owner's alone (see OWNER_ONLY).
 * The access review (`review.view`, its CSV export) is for Owners and Admins; its sign-off
 * (`review.sign-off`) is the Owner's.
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
 * Actions only the organization's Owner may take, with why. Packages/permissions has no
 * Owner-only rule, so the refusal of an Admin cites the rule that sets them apart from the Owner
 * (`level.org-admin`: an Admin's access level is Editor, the Owner's is Admin); a Member or Guest
 * is refused by `org.settings` as for every settings page.
 */
const OWNER_ONLY: Readonly<Partial<Record<AppAction, string>>> = {
  "sync.approve-held-plan":
    "Only the organization's Owner may approve a plan the sync held for removing too many people (DESIGN §4).",
  "policy.edit":
    "Only the organization's Owner may change the mapping policy (DESIGN §3.1); Admins may view it.",
  "review.sign-off":
    "Only the organization's Owner signs off an access review (issue 11); Admins may review and export it.",
};

function ownerOnly(subject: ProjectSubject, why: string): Decision {
  const settings = evaluateProjectAction(subject, "org.settings");
  if (!settings.allowed) return { ...settings, reasons: [why, ...settings.reasons] };
  if (subject.orgRole === "owner") return settings;
  const level = accessLevelFor({ orgRole: subject.orgRole });
  return {
    allowed: false,
    layer: "org-role",
    rule: level.rule,
    reasons: [why, ...level.reasons.slice(0, 1)],
  };
}

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
  const ownerOnlyWhy = OWNER_ONLY[action];
  if (ownerOnlyWhy !== undefined) return ownerOnly(subject, ownerOnlyWhy);
  if (ORG_SETTINGS_ACTIONS.has(action)) return evaluateProjectAction(subject, "org.settings");
  return evaluateProjectAction(subject, action as ProjectAction);
}
