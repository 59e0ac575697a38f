import { ACCESS_LEVEL_IDS } from "@lytics-access/permissions";
import { z } from "zod";

/**
 * One person of the member directory: what the last reconcile read about them (Contentstack role,
 * invitation), what the app's rules want for them on every project (desired roles with the source
 * of each), what Lytics had, and whether the two agree. Written by the worker, read by the web app.
 */

/** Whether the person's Lytics roles are what the rules want. */
export const DIRECTORY_SYNC_STATUSES = ["in-sync", "out-of-sync", "pending"] as const;
export type DirectorySyncStatus = (typeof DIRECTORY_SYNC_STATUSES)[number];

export const DIRECTORY_ORG_ROLES = ["owner", "admin", "member", "guest"] as const;
export type DirectoryOrgRole = (typeof DIRECTORY_ORG_ROLES)[number];

const roles = z.array(z.string());

/** One reason the person is on a project (packages/permissions' RoleSource, as stored). */
export const directoryRoleSourceSchema = z.strictObject({
  kind: z.string(),
  rule: z.string(),
  roles,
  reason: z.string(),
});

/** The person on one project: desired vs actual (null when not on the project in Lytics). */
export const directoryProjectSchema = z.strictObject({
  projectUid: z.string(),
  projectName: z.string(),
  desired: roles,
  actual: roles.nullable(),
  /** An open Lytics invitation (not accepted yet) rather than a user. */
  invited: z.boolean(),
  sources: z.array(directoryRoleSourceSchema),
});

export const directoryRowSchema = z.strictObject({
  /** Contentstack user uid, or the email for an invitation without an account. */
  key: z.string().min(1),
  uid: z.string().nullable(),
  email: z.string(),
  name: z.string().nullable(),
  orgRole: z.enum(DIRECTORY_ORG_ROLES),
  /** `pending` while the Contentstack invitation is not accepted. */
  invitation: z.enum(["accepted", "pending"]),
  /** The Data & Insights access level (DESIGN §3.1); null for a Member with none. */
  level: z.enum(ACCESS_LEVEL_IDS).nullable(),
  /** The level an Owner or Admin granted this Member, if any (the explanation's input). */
  grantedLevel: z.enum(ACCESS_LEVEL_IDS).nullable(),
  projects: z.array(directoryProjectSchema),
  status: z.enum(DIRECTORY_SYNC_STATUSES),
  /** Why the status is what it is, in plain words (empty when in sync). */
  statusReasons: z.array(z.string()),
});

export type DirectoryRoleSource = z.output<typeof directoryRoleSourceSchema>;
export type DirectoryProject = z.output<typeof directoryProjectSchema>;
export type DirectoryRow = z.output<typeof directoryRowSchema>;

/** What the whole snapshot is about. */
export const directoryMetaSchema = z.strictObject({
  /** Bumped on every write: readers cache the parsed index per version. */
  version: z.number().int().nonnegative(),
  /** When the worker read Contentstack and Lytics for the last full snapshot (epoch ms). */
  readAt: z.number(),
  /** When any row was last written (a targeted sync updates some rows later than readAt). */
  updatedAt: z.number(),
  runId: z.string(),
  policyVersion: z.number().int(),
  total: z.number().int().nonnegative(),
  projects: z.array(z.strictObject({ uid: z.string(), name: z.string() })),
});
export type DirectoryMeta = z.output<typeof directoryMetaSchema>;

/**
 * The compact form of a row that every query filters on (the index blob holds one per person, in
 * display order), so a page request parses a small array, not 10,000 full rows. Stored as a tuple
 * (`[k, e, n, r, l, p, s]`): a third of the bytes of objects, and parsed without a schema pass.
 */
export interface DirectoryIndexEntry {
  /** key */
  readonly k: string;
  /** email, lower case (search; a targeted sync may name someone who left by email alone) */
  readonly e: string;
  /** name (or email when none), lower case: search and display order */
  readonly n: string;
  /** org role */
  readonly r: DirectoryOrgRole;
  /** level, "" for none */
  readonly l: string;
  /** project uids the person is on, desired or actual */
  readonly p: readonly string[];
  /** status */
  readonly s: DirectorySyncStatus;
}

export function indexEntryOf(row: DirectoryRow): DirectoryIndexEntry {
  return {
    k: row.key,
    e: row.email.toLowerCase(),
    n: (row.name ?? row.email).toLowerCase(),
    r: row.orgRole,
    l: row.level ?? "",
    p: row.projects
      .filter((p) => p.desired.length > 0 || p.actual !== null)
      .map((p) => p.projectUid),
    s: row.status,
  };
}
