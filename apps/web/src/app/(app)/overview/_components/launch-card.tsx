import type { LaunchAnswer } from "@/lib/server/connect/launch";

import styles from "./connect.module.css";

/**
 * "Open Data & Insights": the App Switcher's launch (Data & Insights signs the person in through
 * Contentstack OAuth). It opens in a new tab: Contentstack's authorize page on the way refuses to
 * be shown inside a frame.
 */
export function LaunchCard({ answer }: { answer: LaunchAnswer }) {
  return (
    <section className="la-card" aria-labelledby="h-launch" data-testid="launch">
      <h2 id="h-launch">Data &amp; Insights</h2>
      {!answer.allowed ? (
        <p className="la-muted" data-testid="launch-refused">
          {answer.error === "no-data-activation-layer"
            ? "Data & Insights opens once the organization's Data Activation Layer exists (see above)."
            : answer.reasons[0]}
        </p>
      ) : answer.projects.length === 1 ? (
        <>
          <p>
            Your project: <strong>{answer.projects[0]?.name}</strong>
          </p>
          <p className={styles.actions}>
            <a
              className="la-button"
              href={answer.projects[0]?.url}
              target="_blank"
              rel="noopener noreferrer"
              data-testid="launch-open"
            >
              Open Data &amp; Insights
            </a>
          </p>
        </>
      ) : (
        <>
          <p>You are on {answer.projects.length} projects. Choose the one to open:</p>
          <ul className={styles.choices} data-testid="launch-choices">
            {answer.projects.map((project) => (
              <li key={project.uid}>
                <span>{project.name}</span>
                <a
                  className="la-button la-button-secondary"
                  href={project.url}
                  target="_blank"
                  rel="noopener noreferrer"
                  aria-label={`Open ${project.name} in Data & Insights`}
                >
                  Open
                </a>
              </li>
            ))}
          </ul>
        </>
      )}
      {answer.allowed ? (
        <p className="la-muted">Opens in a new tab; Contentstack signs you in.</p>
      ) : null}
    </section>
  );
}
