// A worker job's return value (jobs/*-job.ts) as a few readable lines. The value crossed Redis as
// JSON, so it is read defensively rather than trusted to have a shape.
import { z } from "zod";

const counts = z
  .object({
    invites: z.number(),
    roleChanges: z.number(),
    removals: z.number(),
    drift: z.number().optional(),
    applied: z.number(),
  })
  .partial();

export const jobResultSchema = z.looseObject({
  status: z.string(),
  reason: z.string().optional(),
  outcome: z.string().optional(),
  planId: z.string().nullable().optional(),
  counts: counts.optional(),
  diff: z.string().nullable().optional(),
  people: z.array(z.string()).optional(),
  trace: z
    .array(z.looseObject({ phase: z.string(), person: z.string(), text: z.string() }))
    .optional(),
});
export type JobResult = z.infer<typeof jobResultSchema>;

export function readJobResult(value: unknown): JobResult {
  const parsed = jobResultSchema.safeParse(value);
  return parsed.success ? parsed.data : { status: "unknown" };
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

export function countsLine(c: z.infer<typeof counts> | undefined): string {
  if (!c) return "";
  return [
    plural(c.invites ?? 0, "invite"),
    plural(c.roleChanges ?? 0, "role change"),
    plural(c.removals ?? 0, "removal"),
    ...(c.drift ? [`${c.drift} drift`] : []),
  ].join(", ");
}

/** `applied: 2 invites, 0 role changes, 1 removal (3 written), plan p_…` and friends. */
export function summarizeRun(orgUid: string, result: JobResult): string[] {
  if (result.status === "skipped")
    return [`${orgUid}: run skipped (${result.reason ?? "unknown reason"})`];
  const plan = result.planId ? `, plan ${result.planId}` : "";
  switch (result.outcome) {
    case "applied":
      return [
        result.counts
          ? `${orgUid}: applied: ${countsLine(result.counts)} (${result.counts.applied ?? 0} written)${plan}`
          : `${orgUid}: applied${plan}`,
      ];
    case "no-changes":
      return [`${orgUid}: no changes: Lytics already matches Contentstack${plan}`];
    case "held":
      return [
        ...(result.diff ? [result.diff, ""] : []),
        `${orgUid}: plan held for an Owner's approval (${countsLine(result.counts)})${plan}`,
        `approve it with: npx lytics-access approve ${orgUid} ${result.planId ?? "<planId>"} --as <owner email>`,
      ];
    default:
      return [
        `${orgUid}: ${result.outcome ?? result.status}${plan}${result.counts ? ` (${countsLine(result.counts)})` : ""}`,
      ];
  }
}

/** Outcomes that mean the run did not do its job. */
export const failedOutcome = (result: JobResult): boolean =>
  result.outcome === "failed" || result.outcome === "aborted";
