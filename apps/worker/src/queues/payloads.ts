// One zod schema per job, checked before a job is added and again before it runs: a payload
// written by an older or foreign producer fails loudly instead of half-running.
import { safeParseMappingPolicy, type MappingPolicy } from "@lytics-access/permissions";
import { z } from "zod";

import { JOB_NAMES, type JobName } from "./constants";
import { InvalidPayloadError } from "./invalid-payload-error";

const orgUid = z
  .string()
  .regex(/^[A-Za-z0-9_.-]{1,128}$/, "must be a Contentstack organization uid");

/** How a run was asked for, recorded with the run. */
export const triggerSchema = z.enum([
  "schedule",
  "manual",
  "audit-log",
  "grant",
  "cli",
  "approval",
  "policy",
]);
export type Trigger = z.infer<typeof triggerSchema>;

/**
 * A mapping policy an Owner is editing (DESIGN §3.1), checked by the same rules as a saved one
 * (packages/permissions), each issue naming its field.
 */
const candidatePolicySchema = z.unknown().transform((value, ctx): MappingPolicy => {
  const parsed = safeParseMappingPolicy(value);
  if (parsed.success) return parsed.policy;
  for (const issue of parsed.error.issues)
    ctx.addIssue({ code: "custom", message: `${issue.path}: ${issue.message}` });
  return z.NEVER;
});

export const reconcilePayloadSchema = z
  .strictObject({
    orgUid,
    dryRun: z.boolean().default(false),
    trigger: triggerSchema.default("manual"),
    requestedBy: z.string().min(1).optional(),
    /** Plan under this policy instead of the saved one: the policy editor's preview. */
    candidatePolicy: candidatePolicySchema.optional(),
  })
  .refine((payload) => payload.candidatePolicy === undefined || payload.dryRun, {
    message: "a candidate policy is only ever planned with, never applied (dryRun must be true)",
    path: ["candidatePolicy"],
  });

/** The people of a targeted sync sit in a per-org pending set; the job carries only the org. */
export const syncPeoplePayloadSchema = z.strictObject({
  orgUid,
  trigger: triggerSchema.default("audit-log"),
  /** People drained on an earlier attempt of this job, kept so a retry does not lose them. */
  drained: z.array(z.email()).optional(),
});

export const applyHeldPlanPayloadSchema = z.strictObject({
  orgUid,
  planId: z.string().min(1),
  approvedBy: z.email(),
});

export const pollAuditLogPayloadSchema = z.strictObject({ orgUid });

export const installationChangedPayloadSchema = z.strictObject({
  orgUid,
  change: z.enum(["connected", "disconnected", "reconnected"]),
});

export const PAYLOAD_SCHEMAS = Object.freeze({
  [JOB_NAMES.reconcile]: reconcilePayloadSchema,
  [JOB_NAMES.syncPeople]: syncPeoplePayloadSchema,
  [JOB_NAMES.applyHeldPlan]: applyHeldPlanPayloadSchema,
  [JOB_NAMES.pollAuditLog]: pollAuditLogPayloadSchema,
  [JOB_NAMES.installationChanged]: installationChangedPayloadSchema,
} satisfies Record<JobName, z.ZodType>);

export type PayloadOf<N extends JobName> = z.output<(typeof PAYLOAD_SCHEMAS)[N]>;
export type PayloadInput<N extends JobName> = z.input<(typeof PAYLOAD_SCHEMAS)[N]>;

export function isJobName(name: string): name is JobName {
  return Object.hasOwn(PAYLOAD_SCHEMAS, name);
}

/** Parses a payload for a job, or throws InvalidPayloadError naming each field. */
export function parsePayload<N extends JobName>(name: N, data: unknown): PayloadOf<N> {
  const result = PAYLOAD_SCHEMAS[name].safeParse(data);
  if (!result.success) {
    throw new InvalidPayloadError(
      name,
      result.error.issues.map(
        (issue) => `${issue.path.join(".") || "(payload)"}: ${issue.message}`,
      ),
    );
  }
  return result.data as PayloadOf<N>;
}
