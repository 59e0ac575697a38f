import { z } from "zod";

/** What started a run. Open-ended on purpose: the worker adds triggers without a store change. */
export const KNOWN_RUN_TRIGGERS = Object.freeze([
  "scheduled",
  "manual",
  "person",
  "audit-log",
  "grant",
  "access-request",
  "policy",
  "import",
] as const);

/** How a run ended. */
export const RUN_OUTCOMES = Object.freeze([
  "applied",
  "no-changes",
  "held",
  "failed",
  "aborted",
] as const);
export type RunOutcome = (typeof RUN_OUTCOMES)[number];

export const runCountsSchema = z.strictObject({
  invites: z.number().int().nonnegative(),
  roleChanges: z.number().int().nonnegative(),
  removals: z.number().int().nonnegative(),
  failed: z.number().int().nonnegative(),
  /** API calls the run made, reads included. */
  calls: z.number().int().nonnegative(),
});

export const syncRunSchema = z
  .strictObject({
    runId: z.string().min(1),
    trigger: z.string().regex(/^[a-z][a-z-]*$/, "a trigger is a lower-case word"),
    startedAt: z.number().int(),
    finishedAt: z.number().int(),
    durationMs: z.number().int().nonnegative(),
    outcome: z.enum(RUN_OUTCOMES),
    counts: runCountsSchema,
    /** The held plan, when the outcome is `held`. */
    planId: z.string().optional(),
    /** Why the run failed or aborted (never a secret: callers pass an error's message). */
    error: z.string().optional(),
  })
  .refine((run) => run.finishedAt >= run.startedAt, {
    message: "finishedAt is before startedAt",
    path: ["finishedAt"],
  });

/** One finished sync run of an organization. */
export type SyncRun = z.output<typeof syncRunSchema>;
export type RunCounts = z.output<typeof runCountsSchema>;
