import { dayText } from "@/app/_components/utc-time";
import type { RequestView } from "@/lib/server/requests/request-view";

import styles from "./requests.module.css";

const STATUS = {
  pending: { label: "Pending", tone: "la-badge-warn" },
  approved: { label: "Approved", tone: "la-badge-ok" },
  declined: { label: "Declined", tone: "la-badge-bad" },
  withdrawn: { label: "Withdrawn", tone: "" },
} as const;

/** Who asked for what on which project, why, and where it stands. */
export function RequestSummary({
  request,
  showRequester,
}: {
  request: RequestView;
  showRequester: boolean;
}) {
  const status = STATUS[request.status];
  return (
    <>
      <div className={styles.head}>
        <h3 className={styles.title}>
          {showRequester ? `${request.requester.name} (${request.requester.email}) · ` : ""}
          {request.roleNames.join(", ")} on {request.projectName}
        </h3>
        <span className={`la-badge ${status.tone}`} data-testid="request-status">
          {status.label}
        </span>
      </div>
      <p className={styles.reason}>
        <span className="la-muted">Reason: </span>
        {request.reason}
      </p>
      <p className="la-muted" style={{ margin: 0 }}>
        Asked {dayText(request.createdAt)}
        {request.decidedBy && request.decidedAt
          ? ` · ${status.label.toLowerCase()} by ${request.decidedBy}, ${dayText(request.decidedAt)}`
          : ""}
        {request.expiresAt ? ` · access until ${dayText(request.expiresAt)}` : ""}
      </p>
      {request.decisionReason ? (
        <p className={styles.reason}>
          <span className="la-muted">Decision note: </span>
          {request.decisionReason}
        </p>
      ) : null}
    </>
  );
}
