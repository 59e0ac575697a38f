import type { AccessDiagnosis } from "@/lib/server/troubleshooting/diagnose";

import styles from "./troubleshooting.module.css";

const LAYER = {
  "org-role": "Organization role",
  project: "Project access",
  "lytics-roles": "Data & Insights roles",
} as const;

/** A decision of packages/permissions (which layer, which rule, why) and what would grant it. */
export function DecisionView({
  diagnosis,
  who,
  projectName,
}: {
  diagnosis: AccessDiagnosis;
  who: string;
  projectName: string;
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
          <p style={{ margin: 0 }}>
            <button
              type="button"
              className="la-button la-button-secondary"
              disabled
              title="Access requests come with the next release"
            >
              Request access
            </button>{" "}
            <span className="la-muted">
              Requesting from here comes with access requests (next release); until then, ask the
              people named above.
            </span>
          </p>
        </div>
      ) : null}
    </section>
  );
}
