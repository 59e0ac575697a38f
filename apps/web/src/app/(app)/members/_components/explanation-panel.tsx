import type { MemberExplanation } from "@/lib/server/members/member-explanation";

import styles from "./members.module.css";
import { StatusBadge } from "./status-badge";

const roles = (list: readonly string[] | null) =>
  list === null ? "not on the project" : list.length === 0 ? "no roles" : list.join(", ");

/**
 * Why a person holds what they hold (packages/permissions): the organization-role layer with its
 * rule and reasons, then per project each source of roles (which rule, which roles, why), beside
 * what Lytics has.
 */
export function ExplanationPanel({ explanation }: { explanation: MemberExplanation }) {
  const { member, level } = explanation;
  return (
    <div className={styles.panel} data-testid="member-explanation">
      <section aria-label="Access level">
        <h3>
          Access level: {level.levelLabel}{" "}
          <span className="la-muted">
            (layer {level.layer}, rule <code className={styles.code}>{level.rule}</code>)
          </span>
        </h3>
        <ul className={styles.sources}>
          {level.reasons.map((reason) => (
            <li key={reason}>{reason}</li>
          ))}
        </ul>
      </section>
      <section aria-label="Roles per project">
        <h3>
          Lytics roles per project <StatusBadge status={member.status} />
        </h3>
        {explanation.projects.length === 0 ? (
          <p className="la-muted">
            No project gives {member.name ?? member.email} any role, and Lytics has none.
          </p>
        ) : (
          explanation.projects.map((project) => (
            <div key={project.uid} data-testid={`explain-${project.uid}`}>
              <h4>
                {project.name}{" "}
                {project.inSync ? (
                  <span className="la-badge la-badge-ok">matches</span>
                ) : (
                  <span className="la-badge la-badge-warn">differs</span>
                )}
              </h4>
              <p>
                Should have: <strong>{roles(project.desired)}</strong>. Lytics has:{" "}
                <strong>{roles(project.actual)}</strong>
                {project.invited ? " (invitation not accepted yet)" : ""}.
              </p>
              {project.sources.length === 0 ? (
                <p className="la-muted">
                  No rule gives a role here: the sync removes access that is there.
                </p>
              ) : (
                <ul className={styles.sources}>
                  {project.sources.map((source) => (
                    <li key={source.rule + source.kind}>
                      {source.reason} Gives {roles(source.roles)}.{" "}
                      <span className="la-muted">
                        (source {source.kind}, rule{" "}
                        <code className={styles.code}>{source.rule}</code>)
                      </span>
                    </li>
                  ))}
                </ul>
              )}
            </div>
          ))
        )}
      </section>
      {member.statusReasons.length > 0 ? (
        <section aria-label="Sync status">
          <h3>Why the status</h3>
          <ul className={styles.sources}>
            {member.statusReasons.map((reason) => (
              <li key={reason}>{reason}</li>
            ))}
          </ul>
        </section>
      ) : null}
      {explanation.policyChanged ? (
        <p className="la-notice la-notice-warn">
          The mapping policy changed since this was read; the next sync applies the new one.
        </p>
      ) : null}
    </div>
  );
}
