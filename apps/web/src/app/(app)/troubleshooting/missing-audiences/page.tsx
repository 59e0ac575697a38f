import type { Metadata } from "next";

import { SeedRow } from "@/app/_troubleshooting/seed-row";
import { SourceNote } from "@/app/_troubleshooting/source-note";
import styles from "@/app/_troubleshooting/troubleshooting.module.css";
import { pageSession } from "@/lib/server/page-session";
import { services } from "@/lib/server/services";
import { missingAudiencesCase } from "@/lib/server/troubleshooting/cases";

export const metadata: Metadata = { title: "Missing audiences or metrics · Troubleshooting" };
export const dynamic = "force-dynamic";

const Yes = () => <span className="la-badge la-badge-ok">Shown</span>;
const No = () => <span className="la-badge la-badge-bad">Hidden</span>;

/** Seed 000 "Missing audiences or metrics": per project, which of your roles lacks the view. */
export default async function MissingAudiencesPage() {
  const state = await pageSession();
  if (state.status !== "active") return null;
  const result = await missingAudiencesCase(services(), state);
  const { level } = result;
  return (
    <>
      <h1>Missing audiences or metrics</h1>
      <SeedRow which="missing-audiences" />
      <p data-testid="level">
        Your organization role <strong>{state.person.role}</strong> maps to{" "}
        {level.levelLabel ? (
          <>
            the <strong>{level.levelLabel}</strong> access level
            {level.roles.length > 0 ? ` (the sync writes ${level.roles.join(", ")})` : ""}.
          </>
        ) : (
          <>no access level by default: what you see comes from the roles on each project.</>
        )}{" "}
        <span className="la-muted">{level.reasons[0]}</span>
      </p>
      {result.rows.length === 0 ? (
        <p className="la-notice la-notice-info">
          You have no role on any Data &amp; Insights project, so no audiences or metrics are shown
          anywhere. Ask a project owner or your organization Owner or an Admin for Audience Manager
          on the project you need.
        </p>
      ) : (
        <div className="la-card">
          <table className={styles.table}>
            <thead>
              <tr>
                <th scope="col">Project</th>
                <th scope="col">Your roles</th>
                <th scope="col">Audiences</th>
                <th scope="col">Metrics (Discovery)</th>
                <th scope="col">What is missing, and why</th>
              </tr>
            </thead>
            <tbody>
              {result.rows.map((row) => {
                const audiences = row.audiencesNav.allowed && row.audiencesView.allowed;
                const held = row.roles.length > 0 ? row.roles.join(", ") : "none";
                return (
                  <tr key={row.projectUid} data-testid="visibility-row">
                    <td>{row.projectName}</td>
                    <td>{held}</td>
                    <td>{audiences ? <Yes /> : <No />}</td>
                    <td>{row.metricsNav.allowed ? <Yes /> : <No />}</td>
                    <td>
                      {audiences && row.metricsNav.allowed ? (
                        "Nothing: your roles show both."
                      ) : (
                        <ul className={styles.reasons}>
                          {!audiences ? (
                            <li>
                              Audiences: {row.audiencesNav.reasons[0]} Ask for{" "}
                              <strong>{row.audienceRoles[0]}</strong> (any of{" "}
                              {row.audienceRoles.join(", ")}).
                            </li>
                          ) : null}
                          {!row.metricsNav.allowed ? (
                            <li>
                              Metrics: {row.metricsNav.reasons[0]} Ask for{" "}
                              <strong>{row.metricsRoles[0]}</strong>
                              {row.metricsRoles.length > 1
                                ? ` (or ${row.metricsRoles.slice(1).join(", ")})`
                                : ""}
                              .
                            </li>
                          ) : null}
                        </ul>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      {result.notOnCount > 0 && state.person.role !== "owner" && state.person.role !== "admin" ? (
        <p className="la-muted">
          You are not on {result.notOnCount} other project{result.notOnCount === 1 ? "" : "s"} of
          the organization: nothing of {result.notOnCount === 1 ? "it" : "them"} is shown to you.
          See <a href="/troubleshooting/access-denied">Access denied</a>.
        </p>
      ) : null}
      <SourceNote source={result.source} problems={result.problems} />
    </>
  );
}
