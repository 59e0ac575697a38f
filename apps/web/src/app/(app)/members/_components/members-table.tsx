"use client";

import { Fragment, useState } from "react";

import type { MemberRowView } from "@/lib/server/members/member-view";

import { MemberDetail } from "./member-detail";
import styles from "./members.module.css";
import { StatusBadge } from "./status-badge";

const ROLE_LABELS = { owner: "Owner", admin: "Admin", member: "Member", guest: "Guest" } as const;

const rolesText = (roles: readonly string[] | null) =>
  roles === null || roles.length === 0 ? "none" : roles.join(", ");

/** One page of members; a row opens its explanation (and, for Owners and Admins, its sync). */
export function MembersTable({
  rows,
  caption,
  canSync,
}: {
  rows: readonly MemberRowView[];
  caption: string;
  canSync: boolean;
}) {
  const [open, setOpen] = useState<string | null>(null);
  // Statuses read back after "Sync this person now", until the page is loaded again.
  const [synced, setSynced] = useState<Readonly<Record<string, MemberRowView["status"]>>>({});
  return (
    <table className={styles.table} data-testid="members-table">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Person</th>
          <th scope="col">Contentstack role</th>
          <th scope="col">Access level</th>
          <th scope="col">Lytics roles per project</th>
          <th scope="col">Sync status</th>
          <th scope="col">
            <span className="la-muted">Details</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.length === 0 ? (
          <tr>
            <td colSpan={6}>Nobody matches these filters.</td>
          </tr>
        ) : null}
        {rows.map((row) => {
          const label = row.name ?? row.email;
          const expanded = open === row.key;
          const detailId = `member-detail-${row.key.replace(/[^A-Za-z0-9_-]/g, "_")}`;
          return (
            <Fragment key={row.key}>
              <tr>
                <th scope="row">
                  {row.name ? (
                    <>
                      {row.name}
                      <br />
                      <span className="la-muted">{row.email}</span>
                    </>
                  ) : (
                    row.email
                  )}
                </th>
                <td>
                  {ROLE_LABELS[row.orgRole]}
                  {row.invitation === "pending" ? (
                    <span className="la-muted"> (invited)</span>
                  ) : null}
                </td>
                <td>{row.levelLabel}</td>
                <td>
                  {row.projects.length === 0 ? (
                    <span className="la-muted">No project</span>
                  ) : (
                    <ul className={styles.projects}>
                      {row.projects.map((p) => (
                        <li key={p.uid}>
                          <strong>{p.name}:</strong> {rolesText(p.actual)}
                          {p.invited ? " (invited)" : ""}
                        </li>
                      ))}
                    </ul>
                  )}
                </td>
                <td>
                  {synced[row.key] ? (
                    <StatusBadge status={synced[row.key] ?? row.status} />
                  ) : (
                    <StatusBadge status={row.status} reasons={row.statusReasons} />
                  )}
                </td>
                <td>
                  <button
                    type="button"
                    className="la-button la-button-secondary"
                    aria-expanded={expanded}
                    aria-controls={detailId}
                    aria-label={`${expanded ? "Hide" : "Explain"} ${label}`}
                    onClick={() => setOpen(expanded ? null : row.key)}
                  >
                    {expanded ? "Hide" : "Explain"}
                  </button>
                </td>
              </tr>
              {expanded ? (
                <tr className={styles.detail} id={detailId}>
                  <td colSpan={6}>
                    <MemberDetail
                      memberKey={row.key}
                      label={label}
                      canSync={canSync}
                      onSynced={(status) => setSynced((s) => ({ ...s, [row.key]: status }))}
                    />
                  </td>
                </tr>
              ) : null}
            </Fragment>
          );
        })}
      </tbody>
    </table>
  );
}
