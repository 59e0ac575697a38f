import type { Plan } from "../plan/plan-types";
import type { SafetyDecision } from "../safety/safety-decision";
import type { TraceEntry } from "./person-trace";

export type RunOutcome = "applied" | "no-changes" | "held" | "aborted" | "failed" | "dry-run";

export interface RunCounts {
  readonly invites: number;
  readonly roleChanges: number;
  readonly drift: number;
  readonly removals: number;
  readonly unchanged: number;
  /** Writes made in this run. */
  readonly applied: number;
  /** Steps skipped because the store says they were done already. */
  readonly skipped: number;
  /** Writes of an earlier, interrupted run found landed and completed (audit + done). */
  readonly recovered: number;
}

/** What one reconcile did; also the sync-run history entry. */
export interface RunReport {
  readonly runId: string;
  readonly orgUid: string;
  /** Null when the run stopped before a plan existed (an aborted listing). */
  readonly planId: string | null;
  readonly outcome: RunOutcome;
  readonly counts: RunCounts;
  /** From the injected clock. */
  readonly durationMs: number;
  /** Port calls by name (`members.list`, `lytics.listCollaborators`, `lytics.invite`...). */
  readonly calls: Readonly<Record<string, number>>;
  readonly safety: readonly SafetyDecision[];
  /** Step-by-step account for the people of a targeted run ("sync one person now"). */
  readonly trace: readonly TraceEntry[];
  /** The plan after the guards (dry run, held, applied). */
  readonly plan?: Plan | undefined;
  /** The plan as a readable diff (dry run and held). */
  readonly diff?: string | undefined;
  readonly error?: string | undefined;
}
