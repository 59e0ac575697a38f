import { defineRow, type MatrixRow, type RowSpec } from "./matrix-row";
import type { RoleAbbreviation } from "./roles";

/**
 * Task permissions of seed 001 ("what tasks can a user of each role perform"), in seed order.
 * These ids are the CLI's `permission` values.
 */
export const TASK_PERMISSIONS = [
  "pii.view",
  "audiences.view",
  "audiences.create",
  "audiences.edit",
  "audiences.duplicate",
  "audiences.delete",
  "content-topics.blocklist",
  "collections.view",
  "collections.create",
  "collections.edit",
  "collections.duplicate",
  "collections.delete",
  "authorizations.view",
  "authorizations.create",
  "authorizations.edit",
  "authorizations.delete",
  "jobs.view",
  "jobs.create",
  "jobs.pause",
  "jobs.update",
  "jobs.delete",
  "account.invite-user",
  "account.manage-user-roles",
  "account.create",
  "account.edit",
  "account.view-usage",
  "campaigns.view",
  "campaigns.create",
  "campaigns.edit",
  "campaigns.duplicate",
  "campaigns.delete",
  "api.topic-rollups",
  "api.content-classification",
  "api.queries",
  "api.segment-collections",
  "api.lookalike-models",
  "api.subscription",
] as const;

/** A task permission id (a row of the task matrix). */
export type TaskPermission = (typeof TASK_PERMISSIONS)[number];

const PII_PROSE =
  "seed 001 prose: PII fields are hidden from anyone who does not have Admin, Data Manager, or User Search";

type Spec = RowSpec<TaskPermission>;

// Rows that share holders and a seed group are written once and expanded.
function rows(
  group: string,
  entries: readonly (readonly [TaskPermission, string, number])[],
  holders: readonly RoleAbbreviation[],
): Spec[] {
  return entries.map(([id, label, seedCount]) => ({ id, group, label, seedCount, holders }));
}

const AUDIENCE_EDITORS: readonly RoleAbbreviation[] = ["A", "AM", "CM", "DM", "EM", "MK"];
const JOBS_AND_AUTHS: readonly RoleAbbreviation[] = ["A", "AM", "CM", "DM", "MK"];
const CONTENT: readonly RoleAbbreviation[] = ["A", "CM", "CoM", "MK"];

const SPECS: readonly Spec[] = [
  {
    id: "pii.view",
    group: "Personally Identifiable Information (PII)",
    label: "View",
    seedCount: 3,
    holders: ["A", "DM", "US"],
    documentedByProse: PII_PROSE,
  },
  ...rows("Audiences (without PII)", [["audiences.view", "View", 7]], [...AUDIENCE_EDITORS, "OB"]),
  ...rows(
    "Audiences (without PII)",
    [
      ["audiences.create", "Create", 6],
      ["audiences.edit", "Edit", 6],
      ["audiences.duplicate", "Duplicate", 6],
    ],
    AUDIENCE_EDITORS,
  ),
  ...rows(
    "Audiences (without PII)",
    [["audiences.delete", "Delete", 5]],
    ["A", "AM", "CM", "DM", "MK"],
  ),
  ...rows("Content Topics", [["content-topics.blocklist", "Blocklist", 2]], ["A", "CoM"]),
  ...rows("Content Collections", [["collections.view", "View", 4]], CONTENT),
  ...rows(
    "Content Collections",
    [
      ["collections.create", "Create", 3],
      ["collections.edit", "Edit", 3],
      ["collections.duplicate", "Duplicate", 3],
    ],
    ["A", "CoM", "MK"],
  ),
  ...rows("Content Collections", [["collections.delete", "Delete", 2]], ["A", "CoM"]),
  ...rows(
    "Authorizations (for imports & exports)",
    [
      ["authorizations.view", "View", 5],
      ["authorizations.create", "Create", 5],
      ["authorizations.edit", "Edit", 5],
      ["authorizations.delete", "Delete", 5],
    ],
    JOBS_AND_AUTHS,
  ),
  ...rows(
    "Jobs (imports & exports)",
    [
      ["jobs.view", "View", 5],
      ["jobs.create", "Create", 5],
      ["jobs.pause", "Pause", 5],
      ["jobs.update", "Update", 5],
      ["jobs.delete", "Delete", 5],
    ],
    JOBS_AND_AUTHS,
  ),
  ...rows(
    "Accounts & Users",
    [
      ["account.invite-user", "Invite User", 1],
      ["account.manage-user-roles", "Manage User Roles", 1],
      ["account.create", "Create Account", 1],
      ["account.edit", "Edit Account", 1],
      ["account.view-usage", "View Account Usage", 1],
    ],
    ["A"],
  ),
  ...rows("Personalize Campaigns", [["campaigns.view", "View", 4]], ["A", "CM", "EM", "MK"]),
  ...rows(
    "Personalize Campaigns",
    [
      ["campaigns.create", "Create", 3],
      ["campaigns.edit", "Edit", 3],
      ["campaigns.duplicate", "Duplicate", 3],
    ],
    ["A", "EM", "MK"],
  ),
  ...rows("Personalize Campaigns", [["campaigns.delete", "Delete", 2]], ["A", "EM"]),
  // API-only rows: the seed marks the roles with full CRUD; read access for all is api-read.ts.
  ...rows(
    "Additional API-Only Features",
    [
      ["api.topic-rollups", "Content Topic Rollups", 4],
      ["api.content-classification", "Content Classification", 4],
    ],
    CONTENT,
  ),
  ...rows("Additional API-Only Features", [["api.queries", "Queries API", 2]], ["A", "DM"]),
  ...rows(
    "Additional API-Only Features",
    [["api.segment-collections", "Segment Collections", 8]],
    ["A", "AM", "CM", "DM", "DI", "EM", "MK", "OB"],
  ),
  ...rows(
    "Additional API-Only Features",
    [["api.lookalike-models", "Lookalike Models", 2]],
    ["A", "DI"],
  ),
  ...rows(
    "Additional API-Only Features",
    [["api.subscription", "Subscription", 3]],
    ["A", "CM", "MK"],
  ),
];

/** The task matrix, one row per {@link TaskPermission}, in seed order. */
export const TASK_MATRIX: readonly MatrixRow<TaskPermission>[] = SPECS.map(defineRow);

const BY_ID = new Map<string, MatrixRow<TaskPermission>>(TASK_MATRIX.map((row) => [row.id, row]));

/** True when `value` is a task permission id. */
export function isTaskPermission(value: string): value is TaskPermission {
  return BY_ID.has(value);
}

/** The matrix row of a task permission. */
export function taskRow(permission: TaskPermission): MatrixRow<TaskPermission> {
  const row = BY_ID.get(permission);
  if (!row) throw new RangeError(`no task row "${permission}"`);
  return row;
}
