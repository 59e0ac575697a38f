"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";

import { dayText } from "@/app/_components/utc-time";
import { apiCall, reasonOf } from "@/lib/client/api-call";
import type { CollaboratorRow } from "@/lib/server/projects/project-view";
import type { RoleOption } from "@/lib/server/projects/role-options";

import { endOfDay, fieldProblemsOf, problemText } from "./field-problems";
import { FormNotice, type Notice } from "./form-notice";
import { GateReason } from "./gate-reason";
import styles from "./projects.module.css";
import { RoleName } from "./role-name";
import { RolePicker } from "./role-picker";

const dayInput = (ms: number | null) =>
  ms === null ? "" : new Date(ms).toISOString().slice(0, 10);

/** Changing one collaborator's roles and grant expiry, inline under their row. */
function RoleEditor({
  projectUid,
  row,
  roles,
  onDone,
}: {
  projectUid: string;
  row: CollaboratorRow;
  roles: readonly RoleOption[];
  onDone: (message: string | null) => void;
}) {
  const router = useRouter();
  const [selected, setSelected] = useState<string[]>([...row.roles]);
  const [expiry, setExpiry] = useState(dayInput(row.expiresAt));
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const losesLastAdmin = row.lastAdmin && !selected.includes("admin");
  const save = async () => {
    setBusy(true);
    const result = await apiCall(
      `/api/projects/${encodeURIComponent(projectUid)}/collaborators/${encodeURIComponent(row.userUid)}`,
      {
        method: "PUT",
        body: { roles: selected, expiresAt: expiry === "" ? null : (endOfDay(expiry) ?? null) },
        ifMatch: row.etag,
      },
    );
    setBusy(false);
    if (result.ok) {
      onDone(`Roles of ${row.name ?? row.email} saved; the sync applies them now.`);
      router.refresh();
      return;
    }
    const fields = fieldProblemsOf(result.data);
    setError(problemText(fields, "roles", "expiresAt") ?? reasonOf(result.data, "Not saved."));
  };
  return (
    <div className={styles.stack} data-testid={`editor-${row.userUid}`}>
      <RolePicker
        roles={roles}
        selected={selected}
        onChange={setSelected}
        legend={`Roles of ${row.name ?? row.email}`}
        error={
          losesLastAdmin
            ? `${row.name ?? row.email} is the last person with Admin here: keep Admin, or give it to someone else first.`
            : null
        }
      />
      <div className={styles.field}>
        <label htmlFor={`expiry-${row.userUid}`}>Access ends on (optional)</label>
        <input
          id={`expiry-${row.userUid}`}
          type="date"
          value={expiry}
          onChange={(event) => setExpiry(event.target.value)}
        />
      </div>
      <div className={styles.actions}>
        <button
          type="button"
          className="la-button"
          disabled={busy || selected.length === 0 || losesLastAdmin}
          onClick={() => void save()}
        >
          Save roles
        </button>
        <button
          type="button"
          className="la-button la-button-secondary"
          onClick={() => onDone(null)}
        >
          Cancel
        </button>
      </div>
      {error ? (
        <p className="la-notice la-notice-bad" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}

/**
 * The people on a project: their roles (each explained on hover or focus), status, grant expiry,
 * and the change and remove actions, each disabled with the reason packages/permissions gives
 * (DESIGN §3.3, the owner and last-Admin guards); the server decides again on every request.
 */
export function CollaboratorTable({
  projectUid,
  projectName,
  rows,
  roles,
}: {
  projectUid: string;
  projectName: string;
  rows: readonly CollaboratorRow[];
  roles: readonly RoleOption[];
}) {
  const router = useRouter();
  const [editing, setEditing] = useState<string | null>(null);
  const [confirming, setConfirming] = useState<string | null>(null);
  const [message, setMessage] = useState<Notice | null>(null);
  const byslug = new Map(roles.map((role) => [role.slug, role]));

  const remove = async (row: CollaboratorRow) => {
    const result = await apiCall(
      `/api/projects/${encodeURIComponent(projectUid)}/collaborators/${encodeURIComponent(row.userUid)}`,
      { method: "DELETE", ifMatch: row.etag },
    );
    setConfirming(null);
    setMessage(
      result.ok
        ? {
            tone: "ok",
            text: [
              `${row.name ?? row.email} removed from ${projectName}.`,
              ...(Array.isArray(result.data.notes) ? result.data.notes.map(String) : []),
            ].join(" "),
          }
        : { tone: "bad", text: reasonOf(result.data, "Not removed.") },
    );
    router.refresh();
  };

  return (
    <>
      <table className={`la-table ${styles.table}`} data-testid="collaborators">
        <caption>People on {projectName}</caption>
        <thead>
          <tr>
            <th scope="col">Person</th>
            <th scope="col">Roles</th>
            <th scope="col">Status</th>
            <th scope="col">Access ends</th>
            <th scope="col">Actions</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => {
            const who = row.name ?? row.email;
            // One reason line when both refusals say the same thing (e.g. no Manage User Roles).
            const sameReason =
              !row.changeRole.allowed && row.remove.reasons[0] === row.changeRole.reasons[0];
            const removeReasonId = sameReason ? `change-${row.userUid}` : `remove-${row.userUid}`;
            return (
              <tr key={row.userUid} data-testid={`row-${row.userUid}`}>
                <td>
                  <strong>{who}</strong>
                  {row.name ? <div className="la-muted">{row.email}</div> : null}
                  {row.inOrganization === false ? (
                    <p className={styles.reason} data-testid={`outsider-${row.userUid}`}>
                      <span className="la-badge la-badge-bad">Not in the organization</span> The
                      sync removes them: access follows organization membership.
                    </p>
                  ) : null}
                  {row.isProjectOwner ? (
                    <span className="la-badge la-badge-ok">Project owner</span>
                  ) : null}
                </td>
                <td>
                  {row.roles.map((slug) => (
                    <RoleName key={slug} slug={slug} role={byslug.get(slug)} />
                  ))}
                </td>
                <td>
                  {row.status === "invited" ? (
                    <span className="la-badge la-badge-warn">Invited</span>
                  ) : (
                    (row.status ?? "")
                  )}
                </td>
                <td>
                  {row.expiresAt === null ? (
                    <span className="la-muted">No expiry</span>
                  ) : (
                    dayText(row.expiresAt)
                  )}
                </td>
                <td>
                  {editing === row.userUid ? (
                    <RoleEditor
                      projectUid={projectUid}
                      row={row}
                      roles={roles}
                      onDone={(text) => {
                        setEditing(null);
                        if (text) setMessage({ tone: "ok", text });
                      }}
                    />
                  ) : (
                    <div className={styles.actions}>
                      <button
                        type="button"
                        className="la-button la-button-secondary"
                        disabled={!row.changeRole.allowed}
                        aria-describedby={
                          row.changeRole.allowed ? undefined : `change-${row.userUid}`
                        }
                        onClick={() => setEditing(row.userUid)}
                      >
                        Change roles<span className={styles.visuallyHidden}> of {who}</span>
                      </button>
                      {confirming === row.userUid ? (
                        <>
                          <button
                            type="button"
                            className="la-button"
                            onClick={() => void remove(row)}
                          >
                            Yes, remove {who}
                          </button>
                          <button
                            type="button"
                            className="la-button la-button-secondary"
                            onClick={() => setConfirming(null)}
                          >
                            Keep
                          </button>
                        </>
                      ) : (
                        <button
                          type="button"
                          className="la-button la-button-secondary"
                          disabled={!row.remove.allowed}
                          aria-describedby={row.remove.allowed ? undefined : removeReasonId}
                          onClick={() => setConfirming(row.userUid)}
                        >
                          Remove<span className={styles.visuallyHidden}> {who}</span>
                        </button>
                      )}
                    </div>
                  )}
                  <GateReason gate={row.changeRole} id={`change-${row.userUid}`} />
                  {sameReason ? null : (
                    <GateReason gate={row.remove} id={`remove-${row.userUid}`} />
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <FormNotice notice={message} testId="table-notice" />
    </>
  );
}
