import type { DiffLine, PlanDiff } from "@lytics-access/sync";

import styles from "./sync.module.css";

/** What a safety guard said of the plan (packages/sync). */
export interface SafetyNote {
  readonly guard: string;
  readonly outcome: "pass" | "adjust" | "hold" | "abort";
  readonly rule: string;
  readonly reason: string;
}

const KIND = {
  "+": { word: "Invite", className: styles.add },
  "~": { word: "Change roles", className: styles.change },
  "-": { word: "Remove", className: styles.remove },
} as const;

const roles = (list: readonly string[]) => (list.length > 0 ? list.join(", ") : "none");

function RolesCell({ line }: { line: DiffLine }) {
  if (line.sign === "+") return <span className={styles.roles}>{roles(line.after)}</span>;
  if (line.sign === "-") return <span className={styles.roles}>{roles(line.before)} → none</span>;
  return (
    <span className={styles.roles}>
      {roles(line.before)} → {roles(line.after)}
    </span>
  );
}

/**
 * A sync plan as a readable diff: per project, the invitations (+), role changes (~ old → new)
 * and removals (−), each with the reasons the sync gives and the rule each cites; then what the
 * safety guards would do with it. The same view serves the Sync page's dry run, a held plan and
 * the policy editor's preview.
 */
export function PlanDiffView({
  plan,
  safety = [],
  label,
  fromEdit,
}: {
  plan: Pick<PlanDiff, "projects"> & Partial<Pick<PlanDiff, "summary" | "planId">>;
  safety?: readonly SafetyNote[];
  /** Names the plan in table captions ("Dry run", "Held plan …"). */
  label: string;
  /**
   * The policy preview's step ids that come from the edit; the other lines would happen without
   * it (pending changes of the saved policy). Unset: no line is marked.
   */
  fromEdit?: readonly string[];
}) {
  const ownSteps = fromEdit ? new Set(fromEdit) : null;
  const lines = plan.projects.reduce((sum, project) => sum + project.lines.length, 0);
  const warnings = safety.filter((note) => note.outcome !== "pass");
  return (
    <div className={styles.stack} data-testid="plan-diff">
      {lines === 0 ? (
        <p className="la-notice la-notice-info" data-testid="plan-empty">
          No changes: every project&apos;s users and roles in Lytics already match.
        </p>
      ) : (
        <p data-testid="plan-summary">
          {plan.summary
            ? `${plan.summary.invites} to invite, ${plan.summary.roleChanges} role changes${plan.summary.drift > 0 ? ` (${plan.summary.drift} put back after a change inside Lytics)` : ""}, ${plan.summary.removals} to remove.`
            : `${lines} changes.`}
        </p>
      )}
      {ownSteps && lines > 0 ? (
        <p data-testid="plan-from-edit">
          {ownSteps.size === 0
            ? "None of these changes comes from the edit: the sync would make them under the saved policy too."
            : `${ownSteps.size} of these ${lines} changes ${ownSteps.size === 1 ? "comes" : "come"} from the edit (marked); the others the sync would make under the saved policy too.`}
        </p>
      ) : null}
      {warnings.map((note) => (
        <p
          key={note.rule}
          className={`la-notice ${note.outcome === "abort" ? "la-notice-bad" : "la-notice-warn"}`}
          data-testid="plan-guard"
        >
          <strong>
            {note.outcome === "hold"
              ? "Would be held for the Owner's approval"
              : note.outcome === "abort"
                ? "Would stop the run"
                : "Adjusted"}
            :
          </strong>{" "}
          {note.reason} <span className="la-muted">({note.rule})</span>
        </p>
      ))}
      {plan.projects.map((project) => (
        <table key={project.projectId} className="la-table" data-testid="plan-project">
          <caption>
            {label}: {project.name}{" "}
            <span className="la-muted">
              ({project.lines.length} {project.lines.length === 1 ? "change" : "changes"})
            </span>
          </caption>
          <thead>
            <tr>
              <th scope="col">Change</th>
              <th scope="col">Person</th>
              <th scope="col">Lytics roles</th>
              <th scope="col">Why</th>
            </tr>
          </thead>
          <tbody>
            {project.lines.map((line) => (
              <tr key={line.stepId} data-testid="plan-line" data-sign={line.sign}>
                <td>
                  <span className={KIND[line.sign].className} aria-hidden="true">
                    {line.sign === "-" ? "−" : line.sign}
                  </span>{" "}
                  {KIND[line.sign].word}
                  {ownSteps?.has(line.stepId) ? (
                    <span className="la-badge la-badge-ok" data-testid="from-edit">
                      from this edit
                    </span>
                  ) : null}
                  {line.drift ? (
                    <span className="la-badge la-badge-warn">changed in Lytics</span>
                  ) : null}
                </td>
                <td>{line.person}</td>
                <td>
                  <RolesCell line={line} />
                </td>
                <td>
                  <ul className={styles.why}>
                    {line.why.map((why, index) => (
                      <li key={`${why.rule}-${index}`}>
                        {why.text} <span className="la-muted">({why.rule})</span>
                      </li>
                    ))}
                  </ul>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ))}
    </div>
  );
}
