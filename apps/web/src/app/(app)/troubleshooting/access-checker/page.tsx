import type { Metadata } from "next";

import { ActionField, ProjectField } from "@/app/_troubleshooting/check-fields";
import { DecisionView } from "@/app/_troubleshooting/decision-view";
import { flatParams } from "@/app/_troubleshooting/search";
import { SourceNote } from "@/app/_troubleshooting/source-note";
import styles from "@/app/_troubleshooting/troubleshooting.module.css";
import { pageSession } from "@/lib/server/page-session";
import { services } from "@/lib/server/services";
import { accessCheck, accessCheckQuery } from "@/lib/server/troubleshooting/cases";

export const metadata: Metadata = { title: "Access checker · Troubleshooting" };
export const dynamic = "force-dynamic";

/** Can person P do action A on project X, and why (packages/permissions' explanation). */
export default async function AccessCheckerPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const state = await pageSession();
  if (state.status !== "active") return null;
  const parsed = accessCheckQuery.safeParse(flatParams(await searchParams));
  const result = await accessCheck(
    services(),
    state,
    parsed.success ? parsed.data : accessCheckQuery.parse({}),
  );
  return (
    <>
      <h1>Access checker</h1>
      <p className="la-muted">
        Choose a person, a project and an action: the answer is the same rule the app and the sync
        apply, with the reasons.
      </p>
      {!result.ok ? (
        <p className="la-notice la-notice-bad" role="alert" data-testid="refused">
          {result.reasons[0]}
          {result.decision ? (
            <>
              {" "}
              (rule <code className={styles.code}>{result.decision.rule}</code>)
            </>
          ) : null}{" "}
          <a href="/troubleshooting/access-checker">Check your own access</a>
        </p>
      ) : (
        <>
          <form className="la-field-bar" method="get" aria-label="Access question">
            {result.canAskAboutOthers ? (
              <label className={`la-field ${styles.field}`}>
                Person
                <select name="person" defaultValue={result.person.userUid}>
                  {result.people.map((p) => (
                    <option key={p.userUid} value={p.userUid}>
                      {p.label}
                    </option>
                  ))}
                </select>
              </label>
            ) : (
              <p className="la-field" style={{ margin: 0 }}>
                Person
                <span style={{ fontWeight: 400, padding: "7px 0" }}>
                  {result.person.label}{" "}
                  <span className="la-muted">(only Owners and Admins may check others)</span>
                </span>
              </p>
            )}
            <ProjectField project={result.project} projects={result.projects} />
            <ActionField label="Action" action={result.action} />
            <button type="submit" className="la-button">
              Check
            </button>
          </form>
          {result.diagnosis && result.project ? (
            <DecisionView
              diagnosis={result.diagnosis}
              who={result.person.label}
              projectName={result.project.name}
            />
          ) : (
            <p className="la-notice la-notice-info">
              There is no project you can see yet, so there is nothing to check against.
            </p>
          )}
          <SourceNote source={result.source} problems={result.problems} />
        </>
      )}
    </>
  );
}
