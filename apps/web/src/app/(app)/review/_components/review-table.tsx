import { dayText } from "@/app/_components/utc-time";
import type { ReviewRow } from "@/lib/server/review/review-rows";

import styles from "./review.module.css";

const VERDICT = {
  explained: { label: "Explained", tone: "la-badge-ok" },
  "will-change": { label: "Sync will change", tone: "la-badge-warn" },
  unexplained: { label: "No rule: sync removes", tone: "la-badge-bad" },
} as const;

const SOURCE = {
  "org-owner": "Organization Owner",
  "org-admin": "Organization Admin",
  "member-level": "Member access level",
  "project-owner": "Project owner",
  collaborator: "Collaborator grant",
} as const;

/** Every holding, one row per person and project, each with its reasons. */
export function ReviewTable({
  rows,
  asOf,
  total = rows.length,
}: {
  rows: readonly ReviewRow[];
  asOf: number;
  /** Every assignment of the review, when only the first `rows` are drawn. */
  total?: number;
}) {
  return (
    <div className={styles.tableWrap}>
      <table className={styles.table} data-testid="review-table">
        <caption>
          {total} role assignments as of {dayText(asOf)}
          {total > rows.length ? ` (first ${rows.length} shown)` : ""}
        </caption>
        <thead>
          <tr>
            <th scope="col">Project</th>
            <th scope="col">Person</th>
            <th scope="col">Organization</th>
            <th scope="col">Roles held</th>
            <th scope="col">Why</th>
            <th scope="col">Grant expires</th>
            <th scope="col">Last opened the app</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => {
            const verdict = VERDICT[row.verdict];
            return (
              <tr key={`${row.projectUid}:${row.email}`} data-testid="review-row">
                <td>{row.projectName}</td>
                <td>
                  {row.name}
                  <br />
                  <span className="la-muted">{row.email}</span>
                </td>
                <td>{row.standing}</td>
                <td>{row.roles.join(", ") || "none"}</td>
                <td>
                  <span className={`la-badge ${verdict.tone}`}>{verdict.label}</span>
                  {row.why.length > 0 ? (
                    <ul className={styles.why}>
                      {row.why.map((why) => (
                        <li key={`${why.kind}:${why.rule}`} title={why.reason}>
                          {SOURCE[why.kind]}: {why.roles.join(", ")}
                        </li>
                      ))}
                    </ul>
                  ) : null}
                  {row.expected.length > 0 ? (
                    <p className="la-muted" style={{ margin: "4px 0 0" }}>
                      The sync sets: {row.expected.join(", ")}
                    </p>
                  ) : null}
                </td>
                <td>
                  {row.grant
                    ? row.grant.expiresAt
                      ? dayText(row.grant.expiresAt)
                      : "never"
                    : "no grant"}
                </td>
                <td>{row.lastSignIn ? dayText(row.lastSignIn) : "unknown"}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
