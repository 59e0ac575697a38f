import Link from "next/link";

import type { AccessDiagnosis } from "@/lib/server/troubleshooting/diagnose";

import styles from "./troubleshooting.module.css";

const LAYER = {
  "org-role": "Organization role",
  project: "Project access",
  "lytics-roles": "Data & Insights roles",
} as const;

/**
 * A decision of packages/permissions (which layer, which rule, why) and what would grant it;
 * with `requestHref`, the way to ask for it (an access request, DESIGN §5).
 */
export function DecisionView({
  diagnosis,
  who,
  projectName,
  requestHref,
}: {
  diagnosis: AccessDiagnosis;
  who: string;
  projectName: string;
  /** Where "Request access" leads; none when a project role would not help or it is not theirs. */
  requestHref?: string | undefined;
}) {
  const { decision, remedy } = diagnosis;
  return (
    <section className="la-card" aria-labelledby="h-decision" data-testid="decision">
      <h2 id="h-decision">
        {decision.allowed ? "Allowed" : "Refused"}: {who} · {diagnosis.actionLabel} · {projectName}
      </h2>
      <div className={styles.meta}>
        <span className={`la-badge ${decision.allowed ? "la-badge-ok" : "la-badge-bad"}`}>
          {decision.allowed ? "Allowed" : "Denied"}
        </span>
        <span>
          Decided by: <strong>{LAYER[decision.layer]}</strong>
        </span>
        <span>
          Rule <code className={styles.code}>{decision.rule}</code>
        </span>
      </div>
      <ul className={styles.reasons}>
        {decision.reasons.map((reason) => (
          <li key={reason}>{reason}</li>
        ))}
      </ul>
      {remedy ? (
        <div style={{ marginTop: 16 }} data-testid="remedy">
          <h3 style={{ margin: "0 0 6px", fontSize: 15 }}>What would grant it</h3>
          <p style={{ margin: "0 0 6px" }}>{remedy.summary}</p>
          {remedy.roles.length > 1 ? (
            <p className="la-muted" style={{ margin: "0 0 6px" }}>
              Any of these roles grants it: {remedy.roles.join(", ")}.
            </p>
          ) : null}
          <p style={{ margin: "0 0 10px" }}>
            <strong>Ask:</strong> {remedy.askWhom.join(", ")}.
          </p>
          {requestHref ? (
            <p style={{ margin: 0 }}>
              <Link className="la-button" href={requestHref} data-testid="request-access">
                Request access
              </Link>{" "}
              <span className="la-muted">
                Ask for {remedy.suggestedRole} with a reason; they see your request and can approve
                it.
              </span>
            </p>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}
