import "server-only";

import type { MappingPolicy } from "@lytics-access/permissions";
import type { PlanDiff } from "@lytics-access/sync";
import { enqueueAndWait } from "@lytics-access/worker";
import { z } from "zod";

import type { SyncLink } from "../connect/sync-link";

/**
 * The sync's dry run, made by the worker and waited for here.
 *
 * Why queue it rather than plan in the web server (as the first-connection import does): the
 * worker plans under the organization's run lock, with the credential handling (a refused token
 * marks the organization "needs reconnect") and the shared request budget of every other run, so
 * what is shown is exactly what the next sync will do, and a listing of 10,000 members never runs
 * inside a web request's process. The price is that a worker must be running; the answer then
 * says so instead of hanging.
 */
export const DRY_RUN_TIMEOUT_MS = 60_000;

const safetySchema = z.object({
  guard: z.string(),
  outcome: z.enum(["pass", "adjust", "hold", "abort"]),
  rule: z.string(),
  reason: z.string(),
});
export type SafetyView = z.infer<typeof safetySchema>;

// The job's return value (apps/worker reconcile-job): checked, so a worker of another version
// answers with a clear error rather than a broken page.
const lineSchema = z.object({
  stepId: z.string(),
  kind: z.enum(["invite", "replace-roles", "remove"]),
  sign: z.enum(["+", "~", "-"]),
  person: z.string(),
  before: z.array(z.string()),
  after: z.array(z.string()),
  drift: z.boolean(),
  why: z.array(z.object({ rule: z.string(), text: z.string() }).loose()),
});
const planSchema = z
  .object({
    planId: z.string(),
    projects: z.array(
      z.object({ projectId: z.string(), name: z.string(), lines: z.array(lineSchema) }),
    ),
    notices: z.array(z.object({ kind: z.string() }).loose()),
  })
  .loose();
const resultSchema = z.union([
  z.object({ status: z.literal("skipped"), reason: z.string() }),
  z.object({
    status: z.literal("ran"),
    outcome: z.string(),
    planId: z.string().nullable(),
    plan: planSchema.nullable().optional(),
    safety: z.array(safetySchema).optional(),
  }),
]);

export type DryRunAnswer =
  | {
      readonly ok: true;
      readonly jobId: string;
      readonly plan: PlanDiff;
      readonly safety: SafetyView[];
    }
  | {
      readonly ok: false;
      readonly status: number;
      readonly error: string;
      readonly reasons: readonly string[];
    };

const SKIPPED: Readonly<Record<string, string>> = {
  "not-connected": "The organization is not connected for the background sync.",
  "needs-reconnect": "The sync's connection needs reconnecting (Overview) before it can plan.",
  "awaiting-import": "The first-connection import has not been accepted yet (Overview).",
};

/** Queues a dry run (under `candidatePolicy` when given) and waits for the worker's plan. */
export async function dryRun(
  link: SyncLink,
  redisUrl: string,
  orgUid: string,
  options: { requestedBy: string; candidatePolicy?: MappingPolicy; timeoutMs?: number },
): Promise<DryRunAnswer> {
  const enqueuer = link.enqueuer();
  const queue = enqueuer.queues.sync;
  const timeoutMs = options.timeoutMs ?? DRY_RUN_TIMEOUT_MS;
  let waited: { jobId: string; result: unknown };
  try {
    waited = await enqueueAndWait(
      { redisUrl, queue, prefix: queue.opts.prefix ?? "", timeoutMs },
      () =>
        enqueuer.syncNow(orgUid, {
          dryRun: true,
          trigger: options.candidatePolicy ? "policy" : "manual",
          requestedBy: options.requestedBy,
          ...(options.candidatePolicy ? { candidatePolicy: options.candidatePolicy } : {}),
        }),
    );
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const timedOut = /did not finish within/.test(message);
    return {
      ok: false,
      status: timedOut ? 504 : 502,
      error: timedOut ? "worker-timeout" : "dry-run-failed",
      reasons: [
        timedOut
          ? `No worker answered within ${Math.round(timeoutMs / 1000)} s: is the sync worker running? Nothing was changed.`
          : `The dry run failed: ${message}. Nothing was changed.`,
      ],
    };
  }
  const parsed = resultSchema.safeParse(waited.result);
  if (!parsed.success)
    return {
      ok: false,
      status: 502,
      error: "unexpected-worker-answer",
      reasons: ["The worker answered in a shape this page does not know (a different version?)."],
    };
  const result = parsed.data;
  if (result.status === "skipped")
    return {
      ok: false,
      status: 409,
      error: result.reason,
      reasons: [SKIPPED[result.reason] ?? `The worker skipped the dry run: ${result.reason}.`],
    };
  if (result.outcome !== "dry-run" || !result.plan)
    return {
      ok: false,
      status: 502,
      error: "no-plan",
      reasons: [
        `The sync could not make a plan (${result.outcome})${
          result.safety?.find((s) => s.outcome === "abort")?.reason
            ? `: ${result.safety.find((s) => s.outcome === "abort")?.reason}`
            : "."
        }`,
      ],
    };
  return {
    ok: true,
    jobId: waited.jobId,
    plan: result.plan as unknown as PlanDiff,
    safety: result.safety ?? [],
  };
}
