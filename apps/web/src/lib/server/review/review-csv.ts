import { csvCell } from "@lytics-access/store";

import type { AccessReview } from "./load-review";

/** The export's columns, in order. */
export const REVIEW_CSV_COLUMNS = Object.freeze([
  "project",
  "project_uid",
  "person",
  "email",
  "user_uid",
  "org_standing",
  "roles",
  "why",
  "verdict",
  "expected_roles",
  "grant_expires",
  "grant_source",
  "granted_by",
  "last_opened_app",
] as const);

const iso = (ms: number | null | undefined) => (ms ? new Date(ms).toISOString() : "");

/**
 * The review as CSV (RFC 4180, CRLF), every cell escaped against formula injection by the store's
 * `csvCell`: names and emails come from outside and a spreadsheet would run `=…` in them.
 */
export function reviewToCsv(review: AccessReview): string {
  const rows = review.rows.map((row) => [
    row.projectName,
    row.projectUid,
    row.name,
    row.email,
    row.userUid,
    row.standing,
    row.roles.join("; "),
    row.why.map((w) => `${w.kind} (${w.rule}): ${w.reason}`).join(" | "),
    row.verdict,
    row.expected.join("; "),
    row.grant?.expiresAt ? iso(row.grant.expiresAt) : "",
    row.grant?.source ?? "",
    row.grant?.grantedBy ?? "",
    row.lastSignIn ? iso(row.lastSignIn) : "unknown",
  ]);
  return (
    [[...REVIEW_CSV_COLUMNS], ...rows].map((r) => r.map(csvCell).join(",")).join("\r\n") + "\r\n"
  );
}
