import type { DesiredStateNotice, RoleSourceKind, RuleId } from "@lytics-access/permissions";

/**
 * Stable ids of the rules a step can cite: the desired-state rules of packages/permissions, the
 * sync's own reasons for taking access away, and the safety guards.
 */
export type SyncRuleId =
  | RuleId
  | "sync.not-in-org"
  | "sync.pending-invitation"
  | "sync.no-grant"
  | "sync.grant-expired"
  | "sync.roles-refused";

/** One reason for a step, citing the rule. */
export interface StepWhy {
  readonly rule: SyncRuleId;
  readonly text: string;
  /** The source kind from permissions, for reasons that grant roles. */
  readonly source?: RoleSourceKind;
  /** Roles this reason gives (empty for reasons that take access away). */
  readonly roles: readonly string[];
}

/** Who a step is about. */
export interface StepPerson {
  /** The person's key in the plan: Contentstack uid, or the email when there is none. */
  readonly key: string;
  readonly uid: string | null;
  readonly email: string | null;
}

interface StepBase {
  /** Hash of org + project + person + kind + after-roles: a re-plan after a crash yields the same id. */
  readonly stepId: string;
  readonly projectId: string;
  readonly projectName: string;
  readonly person: StepPerson;
  readonly why: readonly StepWhy[];
}

export interface InviteStep extends StepBase {
  readonly kind: "invite";
  readonly email: string;
  readonly roles: readonly string[];
}

export interface ReplaceRolesStep extends StepBase {
  readonly kind: "replace-roles";
  readonly lyticsUserUid: string;
  readonly before: readonly string[];
  readonly after: readonly string[];
  /** The actual roles differ from what the sync last established: changed inside Lytics by hand. */
  readonly drift: boolean;
}

export interface RemoveStep extends StepBase {
  readonly kind: "remove";
  readonly lyticsUserUid: string;
  readonly before: readonly string[];
}

export type PlanStep = InviteStep | ReplaceRolesStep | RemoveStep;
export type PlanStepKind = PlanStep["kind"];

/** Something the sync found but does not enforce, or a step a guard dropped. */
export type SyncNotice =
  | {
      readonly kind: "expired-grant";
      readonly projectId: string;
      readonly uid: string;
      readonly roles: readonly string[];
      readonly expiresAt: string;
      readonly message: string;
    }
  | {
      readonly kind: "cannot-invite";
      readonly projectId: string;
      readonly uid: string;
      readonly message: string;
    }
  | {
      readonly kind: "last-admin-kept";
      readonly projectId: string;
      readonly person: string;
      readonly droppedStepId: string;
      readonly message: string;
    };

export type PlanNotice = DesiredStateNotice | SyncNotice;

/** A project as the plan saw it: what the last-Admin guard needs. */
export interface PlanProjectView {
  readonly projectId: string;
  readonly name: string;
  /** People (plan keys) who hold `admin` on the project now (an open invitation holds nothing yet). */
  readonly adminsBefore: readonly string[];
}

export interface PlanSummary {
  readonly invites: number;
  readonly roleChanges: number;
  readonly drift: number;
  readonly removals: number;
  /** Person-project pairs in scope already as desired. */
  readonly unchanged: number;
  /** Distinct people on any of the organization's Lytics projects now (whatever the scope). */
  readonly lyticsUsersTotal: number;
  /** Distinct people the plan removes from at least one project. */
  readonly peopleLosingAccess: number;
}

/** A plan: the dry run, the approval subject and the audit entry are this one object. */
export interface Plan {
  /** Hash of the content (not of `createdAt`): the same situation yields the same id. */
  readonly planId: string;
  readonly orgUid: string;
  readonly createdAt: string;
  readonly policyVersion: number;
  readonly scope:
    { readonly kind: "full" } | { readonly kind: "people"; readonly people: readonly string[] };
  readonly projects: readonly PlanProjectView[];
  readonly steps: readonly PlanStep[];
  readonly notices: readonly PlanNotice[];
  readonly summary: PlanSummary;
}
