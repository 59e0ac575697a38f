/**
 * @lytics-access/sync: the reconciliation engine of DESIGN §3.4 and §4. Desired state (from
 * packages/permissions) vs actual Lytics users -> a plan with reasons -> safety guards -> apply,
 * with every read and write through ports the worker wires to the real clients and store.
 */

// Plan (pure)
export { buildPlan, buildPlanWithState } from "./plan/build-plan";
export type {
  ActualCollaborator,
  GrantRecord,
  LastSyncedRoles,
  PlanInput,
  PlanMember,
  PlanProject,
  PlanScope,
} from "./plan/plan-input";
export type {
  InviteStep,
  Plan,
  PlanNotice,
  PlanProjectView,
  PlanStep,
  PlanStepKind,
  PlanSummary,
  RemoveStep,
  ReplaceRolesStep,
  StepPerson,
  StepWhy,
  SyncNotice,
  SyncRuleId,
} from "./plan/plan-types";
export { BASELINE_ROLE_SLUG, normalizeRoles, sameRoles } from "./roles/role-set";

// Safety (pure)
export { evaluateSafety, type SafetyContext, type SafetyVerdict } from "./safety/evaluate-safety";
export { DEFAULT_MAX_REMOVAL_SHARE, removalShareGuard } from "./safety/removal-share-guard";
export { lastAdminGuard } from "./safety/last-admin-guard";
export { listingGuard, type ListingOutcome } from "./safety/listing-guard";
export type { GuardName, SafetyDecision } from "./safety/safety-decision";

// Diff (pure)
export { renderDiff } from "./diff/render-diff";
export { planToDiffJson, type DiffLine, type DiffProject, type PlanDiff } from "./diff/diff-json";

// Engine (I/O through ports)
export { reconcile, type ReconcileRequest } from "./engine/reconcile";
export type { RunCounts, RunOutcome, RunReport } from "./engine/run-report";
export type { TraceEntry } from "./engine/person-trace";
export type {
  AppliedChange,
  AuditPort,
  ClaimedStep,
  ClockPort,
  CollaboratorRecord,
  HeldPort,
  LyticsPort,
  MemberListing,
  MemberRecord,
  ProjectRecord,
  StatePort,
  StepsPort,
  SyncAuditEvent,
  SyncPorts,
  SyncStateSnapshot,
} from "./engine/ports";

// First-connection import
export {
  buildImportPlan,
  type AdoptedGrant,
  type ImportPlan,
  type NotAdopted,
} from "./import/import-plan";
export { applyImport, type ImportStatePort } from "./import/apply-import";
export { planImport } from "./engine/plan-import";

// Errors (each with a stable `code`)
export { ImportNotAcceptedError } from "./errors/import-not-accepted-error";
export { UntrustedListingError } from "./errors/untrusted-listing-error";
