// What a processor asks of the sync for one organization. The production runner (adapters/
// create-sync-runner.ts) builds the organization's clients and calls packages/sync's reconcile;
// tests of queue mechanics may pass their own.
import type { MappingPolicy } from "@lytics-access/permissions";
import type { PlanDiff } from "@lytics-access/sync";

export type SyncScope =
  { readonly kind: "full" } | { readonly kind: "people"; readonly people: readonly string[] };

export interface SyncRequest {
  readonly runId: string;
  readonly mode: "apply" | "dry-run";
  readonly scope: SyncScope;
  readonly trigger: string;
  /** Apply this held plan (already approved) instead of a fresh one. */
  readonly approvedPlanId?: string | undefined;
  /**
   * Plan under this mapping policy instead of the saved one (the policy editor's preview); only
   * with `mode: "dry-run"`, the runner refuses it otherwise.
   */
  readonly policy?: MappingPolicy | undefined;
  /** Aborted when the worker shuts down or loses the organization's lock. */
  readonly signal?: AbortSignal | undefined;
}

export interface AppliedChangeView {
  readonly kind: "invite" | "replace-roles" | "remove";
  readonly email: string | null;
  readonly projectId: string;
}

/** The part of a run report the worker records, counts and prints. */
export interface SyncResult {
  readonly runId: string;
  readonly outcome: "applied" | "no-changes" | "held" | "aborted" | "failed" | "dry-run";
  readonly planId: string | null;
  readonly counts: {
    readonly invites: number;
    readonly roleChanges: number;
    readonly removals: number;
    readonly drift: number;
    readonly applied: number;
  };
  readonly calls: number;
  readonly durationMs: number;
  /** Changes this run wrote. */
  readonly changes: readonly AppliedChangeView[];
  readonly diff?: string | undefined;
  /** The plan as structured data (dry run and held): grouped by project, each line with its reasons. */
  readonly plan?: PlanDiff | undefined;
  /** What each safety guard said of the plan (why it would be held, steps it dropped). */
  readonly safety?: readonly SafetyView[] | undefined;
  readonly trace?: readonly {
    readonly phase: string;
    readonly person: string;
    readonly text: string;
  }[];
  readonly error?: string | undefined;
}

/** One safety guard's answer, as packages/sync gives it. */
export interface SafetyView {
  readonly guard: string;
  readonly outcome: "pass" | "adjust" | "hold" | "abort";
  readonly rule: string;
  readonly reason: string;
}

export type OrgSyncRunner = (orgUid: string, request: SyncRequest) => Promise<SyncResult>;
