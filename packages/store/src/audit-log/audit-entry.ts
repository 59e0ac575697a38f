import { z } from "zod";

import { actorSchema } from "../support/actor";

// To add a kind of entry: add one schema to AUDIT_ENTRY_SCHEMAS. Readers validate every entry
// against this table, so a kind written by newer code and unknown here is reported, not dropped.

const person = z.strictObject({
  email: z.string().optional(),
  uid: z.string().optional(),
});
const roles = z.array(z.string());
/** Why the sync did something: the permission rule ids that decided, and their explanation. */
const why = z.strictObject({ rules: z.array(z.string()), text: z.string() });
const counts = z.strictObject({
  invites: z.number().int().nonnegative(),
  roleChanges: z.number().int().nonnegative(),
  removals: z.number().int().nonnegative(),
  failed: z.number().int().nonnegative(),
  calls: z.number().int().nonnegative(),
});

// Every entry: when, and who (a person or the system). Kinds that belong to a sync run add `runId`.
const base = {
  at: z.number().int(),
  actor: actorSchema,
};
const runId = z.string().optional();

function kind<K extends string, S extends z.ZodRawShape>(name: K, shape: S) {
  return z.strictObject({ kind: z.literal(name), ...base, ...shape });
}

/** One schema per kind of audit entry. */
export const AUDIT_ENTRY_SCHEMAS = [
  kind("change-applied", {
    projectUid: z.string(),
    person,
    change: z.enum(["invite", "replace-roles", "remove"]),
    beforeRoles: roles,
    afterRoles: roles,
    why,
    runId: z.string(),
    planId: z.string().optional(),
    stepId: z.string(),
  }),
  kind("plan-held", {
    planId: z.string(),
    removals: z.number().int().nonnegative(),
    /** Share of the organization's Lytics users the plan would remove, 0..1. */
    share: z.number().min(0).max(1),
    threshold: z.number().min(0).max(1),
    runId,
  }),
  kind("plan-approved", { planId: z.string() }),
  kind("plan-discarded", { planId: z.string() }),
  kind("drift-found", {
    projectUid: z.string(),
    person,
    expectedRoles: roles,
    actualRoles: roles,
    runId,
  }),
  kind("grant-saved", {
    grantId: z.string(),
    projectUid: z.string(),
    person,
    roles,
    expiresAt: z.number().int().optional(),
    source: z.string(),
  }),
  kind("grant-removed", { grantId: z.string(), projectUid: z.string(), person, roles }),
  kind("grant-expired", {
    grantId: z.string(),
    projectUid: z.string(),
    person,
    roles,
    expiresAt: z.number().int(),
    runId,
  }),
  kind("credential-problem", {
    /** e.g. `refresh-failed`, `revoked`, `needs-reconnect`. */
    problem: z.string(),
    reason: z.string(),
    runId,
  }),
  kind("installation-connected", { scopes: z.array(z.string()) }),
  kind("installation-disconnected", {}),
  kind("installation-degraded", { failureCount: z.number().int(), reason: z.string(), runId }),
  kind("run-finished", {
    runId: z.string(),
    trigger: z.string(),
    outcome: z.string(),
    counts,
    durationMs: z.number().int().nonnegative(),
    error: z.string().optional(),
  }),
  kind("import-adopted", { projectUid: z.string(), person, roles, grantId: z.string(), runId }),
  // The Owner's or Admin's acceptance of the first-connection import: the sync may start.
  kind("import-accepted", {
    /** The accepted plan's id (the `runId` of its `import-adopted` entries). */
    importId: z.string().optional(),
    adopted: z.number().int().nonnegative().optional(),
  }),
  kind("policy-changed", {
    fromVersion: z.number().int(),
    toVersion: z.number().int(),
    note: z.string().optional(),
  }),
  kind("access-request-created", {
    requestId: z.string(),
    projectUid: z.string(),
    person,
    roles,
  }),
  kind("access-request-approved", {
    requestId: z.string(),
    projectUid: z.string(),
    person,
    roles,
    expiresAt: z.number().int().optional(),
    grantId: z.string().optional(),
  }),
  kind("access-request-declined", {
    requestId: z.string(),
    projectUid: z.string(),
    person,
    reason: z.string().optional(),
  }),
  // A project changed through the app (Lytics keeps no history we can read): what, and the fields.
  kind("project-changed", {
    projectUid: z.string(),
    projectName: z.string(),
    change: z.enum(["created", "edited", "deleted", "connection-added", "connection-removed"]),
    /** Edited fields (`name`, `domain`, `description`) or the connection (`kind:id`). */
    fields: z.array(z.string()).default([]),
  }),
  // The requester took their own pending request back.
  kind("access-request-withdrawn", { requestId: z.string(), projectUid: z.string(), person }),
  // An Owner's periodic access review: "I reviewed this access on <date>" (issue 11).
  kind("access-review-signed-off", {
    /** The assignments (person, project, roles) the review showed. */
    assignments: z.number().int().nonnegative(),
    /** Grants with an expiry among them. */
    expiringGrants: z.number().int().nonnegative(),
    note: z.string().max(2000).optional(),
  }),
] as const;

export const auditEntrySchema = z.discriminatedUnion("kind", AUDIT_ENTRY_SCHEMAS);

/** One audit entry, as written. */
export type AuditEntry = z.output<typeof auditEntrySchema>;

/** The kinds of audit entry. */
export type AuditEntryKind = AuditEntry["kind"];

/** Every kind, in table order. */
export const AUDIT_ENTRY_KINDS: readonly AuditEntryKind[] = Object.freeze(
  AUDIT_ENTRY_SCHEMAS.map((schema) => schema.shape.kind.value),
);

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/** What `append` takes: an entry whose time defaults to the store's clock. */
export type AuditEntryInput = DistributiveOmit<AuditEntry, "at"> & { at?: number };

/** An entry read back, with its stream id (also the paging cursor). */
export type StoredAuditEntry = AuditEntry & { readonly id: string };

/** The person an entry is about, when it is about one. */
export function personOf(
  entry: AuditEntry,
): { email?: string | undefined; uid?: string | undefined } | undefined {
  return "person" in entry ? entry.person : undefined;
}

/** The sync run an entry belongs to, when it belongs to one. */
export function runIdOf(entry: AuditEntry): string | undefined {
  return "runId" in entry ? entry.runId : undefined;
}

/** The project an entry is about, when it is about one. */
export function projectOf(entry: AuditEntry): string | undefined {
  return "projectUid" in entry ? entry.projectUid : undefined;
}
