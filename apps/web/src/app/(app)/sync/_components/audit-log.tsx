"use client";

import type { AuditEntryKind, StoredAuditEntry } from "@lytics-access/store";
import { useState, type FormEvent } from "react";

import { apiCall, reasonOf } from "@/lib/client/api-call";

import { actorText, auditSummary } from "./audit-summary";
import styles from "./sync.module.css";

interface Filters {
  person: string;
  project: string;
  kind: string;
  from: string;
  to: string;
}
const NO_FILTERS: Filters = { person: "", project: "", kind: "", from: "", to: "" };

function queryString(filters: Filters, extra: Record<string, string> = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries({ ...filters, ...extra }))
    if (value.trim() !== "") params.set(key, value.trim());
  const text = params.toString();
  return text ? `?${text}` : "";
}

/**
 * The audit log: filters (person, project, kind, time range), pages of 50 newest first ("Older
 * entries" follows the store's cursor) and the CSV export of the same filters.
 */
export function AuditLog({
  initial,
  kinds,
  projects,
}: {
  initial: { entries: StoredAuditEntry[]; nextCursor: string | null };
  kinds: readonly AuditEntryKind[];
  projects: readonly { readonly uid: string; readonly name: string }[];
}) {
  const [draft, setDraft] = useState<Filters>(NO_FILTERS);
  const [applied, setApplied] = useState<Filters>(NO_FILTERS);
  const [entries, setEntries] = useState(initial.entries);
  const [cursor, setCursor] = useState(initial.nextCursor);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // The page's first page is re-read on the server when a run ends (router.refresh()); shown at
  // once unless the person is looking at a filtered or longer list of their own.
  const [seen, setSeen] = useState(initial);
  if (seen !== initial) {
    setSeen(initial);
    if (JSON.stringify(applied) === JSON.stringify(NO_FILTERS) && entries.length <= 50) {
      setEntries(initial.entries);
      setCursor(initial.nextCursor);
    }
  }
  const projectName = (uid: string | undefined) =>
    uid ? (projects.find((p) => p.uid === uid)?.name ?? uid) : "";

  async function load(filters: Filters, after: string | null) {
    setBusy(true);
    setError(null);
    const result = await apiCall(
      `/api/sync/audit${queryString(filters, after ? { cursor: after } : {})}`,
    );
    setBusy(false);
    if (!result.ok) {
      setError(reasonOf(result.data, "The audit log could not be read."));
      return;
    }
    const page = result.data as unknown as {
      entries: StoredAuditEntry[];
      nextCursor: string | null;
    };
    setEntries((current) => (after ? [...current, ...page.entries] : page.entries));
    setCursor(page.nextCursor);
    setApplied(filters);
  }

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    void load(draft, null);
  }

  const field = (name: keyof Filters) => ({
    name,
    value: draft[name],
    onChange: (event: { target: { value: string } }) =>
      setDraft((current) => ({ ...current, [name]: event.target.value })),
  });

  return (
    <section className="la-card" aria-labelledby="h-audit" data-testid="audit-log">
      <h2 id="h-audit">Audit log</h2>
      <form className={styles.filters} onSubmit={onSubmit} aria-label="Filter the audit log">
        <label>
          Person (email or uid)
          <input type="text" {...field("person")} data-testid="filter-person" />
        </label>
        <label>
          Project
          <select {...field("project")} data-testid="filter-project">
            <option value="">Any</option>
            {projects.map((project) => (
              <option key={project.uid} value={project.uid}>
                {project.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          Kind
          <select {...field("kind")} data-testid="filter-kind">
            <option value="">Any</option>
            {kinds.map((kind) => (
              <option key={kind} value={kind}>
                {kind}
              </option>
            ))}
          </select>
        </label>
        <label>
          From
          <input type="date" {...field("from")} />
        </label>
        <label>
          To
          <input type="date" {...field("to")} />
        </label>
        <button type="submit" className="la-button la-button-secondary" disabled={busy}>
          Apply filters
        </button>
        <a
          className="la-button la-button-secondary"
          href={`/api/sync/audit.csv${queryString(applied)}`}
          download
          data-testid="audit-csv"
        >
          Export CSV
        </a>
      </form>
      {error ? (
        <p className="la-notice la-notice-bad" role="alert">
          {error}
        </p>
      ) : null}
      <table className="la-table" data-testid="audit-table">
        <caption>
          Audit entries, newest first <span className="la-muted">({entries.length} shown)</span>
        </caption>
        <thead>
          <tr>
            <th scope="col">When (UTC)</th>
            <th scope="col">Kind</th>
            <th scope="col">Who</th>
            <th scope="col">Project</th>
            <th scope="col">Person</th>
            <th scope="col">What</th>
          </tr>
        </thead>
        <tbody>
          {entries.length === 0 ? (
            <tr>
              <td colSpan={6} className="la-muted">
                No entries match.
              </td>
            </tr>
          ) : (
            entries.map((entry) => (
              <tr key={entry.id} data-testid="audit-row">
                <td>{new Date(entry.at).toISOString().replace("T", " ").slice(0, 19)}</td>
                <td>{entry.kind}</td>
                <td>{actorText(entry)}</td>
                <td>{"projectUid" in entry ? projectName(entry.projectUid) : ""}</td>
                <td>{"person" in entry ? (entry.person.email ?? entry.person.uid ?? "") : ""}</td>
                <td>{auditSummary(entry)}</td>
              </tr>
            ))
          )}
        </tbody>
      </table>
      {cursor ? (
        <div className="la-actions">
          <button
            type="button"
            className="la-button la-button-secondary"
            onClick={() => void load(applied, cursor)}
            disabled={busy}
            data-testid="audit-more"
          >
            Older entries
          </button>
        </div>
      ) : null}
    </section>
  );
}
