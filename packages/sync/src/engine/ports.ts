import type { AccessLevel, DesiredState, MappingPolicy } from "@lytics-access/permissions";
import type { Plan, PlanStep, StepWhy } from "../plan/plan-types";
import type { GrantRecord, LastSyncedRoles } from "../plan/plan-input";

/**
 * One organization user or pending invitation. Structurally a subset of packages/contentstack's
 * `OrgMember`, so its `listMembers` output can be passed as it is.
 */
export interface MemberRecord {
  /** Null for a pending invitation to someone without an account. */
  readonly userUid: string | null;
  readonly email: string;
  readonly role: "owner" | "admin" | "member" | "guest" | "pending";
  readonly status: "accepted" | "active" | "pending";
  /** Marked guest / collaborator by the organization. */
  readonly isGuest?: boolean | undefined;
}

/** The member listing with the total the service reported, so a truncated listing is caught. */
export interface MemberListing {
  readonly members: readonly MemberRecord[];
  readonly total: number;
  /** The organization's `owner_uid`; when omitted, the member whose role is `owner`. */
  readonly ownerUid?: string | undefined;
}

/** A Lytics project (structurally a subset of packages/lytics' `LyticsProject`). */
export interface ProjectRecord {
  readonly uid: string;
  readonly name: string;
  readonly ownerUid?: string | null | undefined;
  readonly rolesAvailable?: readonly string[] | undefined;
}

/** A person on a project (structurally a subset of packages/lytics' `ProjectCollaborator`). */
export interface CollaboratorRecord {
  readonly userUid: string;
  readonly email: string;
  readonly roles: readonly string[];
}

/** Reads and writes on the Lytics Management API, one credential for every project. */
export interface LyticsPort {
  listProjects(): Promise<readonly ProjectRecord[]>;
  listCollaborators(projectUid: string): Promise<readonly CollaboratorRecord[]>;
  invite(projectUid: string, email: string, roles: readonly string[]): Promise<unknown>;
  replaceRoles(projectUid: string, userUid: string, roles: readonly string[]): Promise<unknown>;
  /** Removing someone already gone must succeed (the client answers `absent`). */
  remove(projectUid: string, userUid: string): Promise<unknown>;
}

/** The app's own records (packages/store). */
export interface SyncStateSnapshot {
  readonly policy: MappingPolicy;
  readonly grants: readonly GrantRecord[];
  /** Project id -> owner uid. */
  readonly projectOwners?: Readonly<Record<string, string>> | undefined;
  /** Contentstack uid -> the access level an Owner or Admin granted that Member. */
  readonly levelGrants?: Readonly<Record<string, AccessLevel>> | undefined;
  /** What the sync last established per person and project; drives drift detection. */
  readonly lastSynced?: readonly LastSyncedRoles[] | undefined;
}

export interface StatePort {
  load(): Promise<SyncStateSnapshot>;
}

/** A step claimed but not marked done: a run stopped between its write and its bookkeeping. */
export interface ClaimedStep {
  readonly planId: string;
  readonly step: PlanStep;
}

/**
 * Step bookkeeping (packages/store). Done records are keyed by plan and step; the store should
 * expire them (a day is plenty), so a later plan identical to an old one is not skipped forever.
 */
export interface StepsPort {
  /** `done` when this step of this plan was already applied: the engine skips it. */
  claim(planId: string, step: PlanStep): Promise<"claimed" | "done">;
  markDone(planId: string, stepId: string): Promise<void>;
  /** Steps claimed and never marked done, oldest first. */
  unfinished(): Promise<readonly ClaimedStep[]>;
  /** Forgets a claim whose write never landed and that no plan needs any more. */
  release(planId: string, stepId: string): Promise<void>;
}

/** An applied change: who, what, before, after, why, run and time. */
export interface AppliedChange {
  /** The idempotency key: the store writes a given key once. */
  readonly key: string;
  readonly runId: string;
  readonly planId: string;
  readonly orgUid: string;
  readonly step: PlanStep;
  readonly before: readonly string[];
  readonly after: readonly string[];
  readonly why: readonly StepWhy[];
  readonly drift: boolean;
  readonly at: string;
  /** The identity the writes were made with (the connected Owner/Admin), when known. */
  readonly actor?: string | undefined;
}

/** Other audited facts of a run; `key` makes each idempotent. */
export type SyncAuditEvent =
  | {
      readonly kind: "plan-held";
      readonly key: string;
      readonly runId: string;
      readonly plan: Plan;
      readonly reasons: readonly string[];
      readonly at: string;
    }
  | {
      readonly kind: "plan-approved-applied";
      readonly key: string;
      readonly runId: string;
      readonly planId: string;
      readonly at: string;
    }
  | {
      readonly kind: "run-aborted";
      readonly key: string;
      readonly runId: string;
      readonly orgUid: string;
      readonly reasons: readonly string[];
      readonly at: string;
    };

export interface AuditPort {
  changeApplied(change: AppliedChange): Promise<void>;
  record(event: SyncAuditEvent): Promise<void>;
}

/** Where held plans wait for an Owner's approval (the web app and the operator command read it). */
export interface HeldPort {
  hold(plan: Plan, reasons: readonly string[]): Promise<void>;
}

/** Milliseconds since the epoch; injectable so durations and `createdAt` are testable. */
export interface ClockPort {
  now(): number;
}

/** Everything the engine touches. The worker wires the real clients and store behind these. */
export interface SyncPorts {
  readonly members: { list(): Promise<MemberListing> };
  readonly lytics: LyticsPort;
  readonly state: StatePort;
  readonly steps: StepsPort;
  readonly audit: AuditPort;
  readonly held: HeldPort;
  readonly clock: ClockPort;
  /**
   * Told the desired state each plan was made from, once it exists. For observers that show the
   * same state (the worker's member directory), so they need not compute it a second time.
   */
  readonly planned?: ((desired: DesiredState) => void) | undefined;
}
