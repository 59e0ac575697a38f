import type { StoredAuditEntry } from "./audit-entry";
import { personOf, projectOf, runIdOf } from "./audit-entry";

/** The export's columns, in order. Everything not in a column is in `details` as JSON. */
export const AUDIT_CSV_COLUMNS = Object.freeze([
  "id",
  "time",
  "kind",
  "actor",
  "project",
  "person_email",
  "person_uid",
  "run_id",
  "details",
] as const);

// A spreadsheet runs a cell that starts with one of these as a formula (CSV injection, OWASP).
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * One CSV cell: formula-looking text gets a leading `'` so a spreadsheet shows it as text, then
 * RFC 4180 quoting (quotes doubled) when the cell holds a comma, quote or line break.
 */
export function csvCell(value: string): string {
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

function actorText(entry: StoredAuditEntry): string {
  const { actor } = entry;
  return actor.type === "system" ? `system:${actor.name}` : (actor.email ?? actor.uid);
}

function details(entry: StoredAuditEntry): string {
  const rest: Record<string, unknown> = { ...entry };
  for (const shown of ["id", "at", "kind", "actor", "projectUid", "person", "runId"])
    delete rest[shown];
  return Object.keys(rest).length === 0 ? "" : JSON.stringify(rest);
}

/** Audit entries as CSV text: a header row, one row per entry, CRLF line ends (RFC 4180). */
export function auditEntriesToCsv(entries: readonly StoredAuditEntry[]): string {
  const rows = entries.map((entry) => [
    entry.id,
    new Date(entry.at).toISOString(),
    entry.kind,
    actorText(entry),
    projectOf(entry) ?? "",
    personOf(entry)?.email ?? "",
    personOf(entry)?.uid ?? "",
    runIdOf(entry) ?? "",
    details(entry),
  ]);
  return (
    [[...AUDIT_CSV_COLUMNS], ...rows].map((row) => row.map(csvCell).join(",")).join("\r\n") + "\r\n"
  );
}
