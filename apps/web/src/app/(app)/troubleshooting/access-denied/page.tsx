import type { Metadata } from "next";

import { ActionField, ProjectField } from "@/app/_troubleshooting/check-fields";
import { DecisionView } from "@/app/_troubleshooting/decision-view";
import { flatParams } from "@/app/_troubleshooting/search";
import { SeedRow } from "@/app/_troubleshooting/seed-row";
import { SourceNote } from "@/app/_troubleshooting/source-note";
import { pageSession } from "@/lib/server/page-session";
import { services } from "@/lib/server/services";
import { accessDeniedCase, accessDeniedQuery } from "@/lib/server/troubleshooting/cases";

export const metadata: Metadata = { title: "Access denied · Troubleshooting" };
export const dynamic = "force-dynamic";

/**
 * Where "Request access" leads: the request form with the project and the role that would grant
 * the refused action. None when no project role would (leaving the organization, its settings).
 */
function requestAccessHref(
  projectUid: string,
  role: string | null | undefined,
): string | undefined {
  if (!role) return undefined;
  return `/requests/new?${new URLSearchParams({ project: projectUid, role }).toString()}`;
}

/** Seed 000 "Access Denied": for you and a project, which layer and rule refused, and the way in. */
export default async function AccessDeniedPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const state = await pageSession();
  if (state.status !== "active") return null;
  const parsed = accessDeniedQuery.safeParse(flatParams(await searchParams));
  const query = parsed.success ? parsed.data : accessDeniedQuery.parse({});
  const result = await accessDeniedCase(services(), state, query);
  const me = state.person.name ?? state.person.email;
  return (
    <>
      <h1>Access denied</h1>
      <SeedRow which="access-denied" />
      {!parsed.success ? (
        <p className="la-notice la-notice-warn" role="alert">
          The link asked for something unknown; showing the default check instead.
        </p>
      ) : null}
      {result.notFound ? (
        <p className="la-notice la-notice-bad" role="alert">
          There is no project with that id in this organization.
        </p>
      ) : null}
      <form className="la-field-bar" method="get" aria-label="What were you refused?">
        <ProjectField project={result.project} projects={result.projects} fromLink />
        <ActionField label="What you tried" action={result.action} />
        <button type="submit" className="la-button">
          Explain
        </button>
      </form>
      {result.projects.length === 0 && !result.project ? (
        <p className="la-notice la-notice-info">
          You are not on any Data &amp; Insights project yet: as an organization {state.person.role}
          , membership alone grants nothing (seed 002). Ask a project owner or your organization
          Owner or an Admin to add you to a project. If someone sent you a link to a project, open
          it again: this page then explains that project.
        </p>
      ) : null}
      {result.diagnosis && result.project ? (
        <DecisionView
          diagnosis={result.diagnosis}
          who={me}
          projectName={result.project.name}
          requestHref={requestAccessHref(
            result.project.uid,
            result.diagnosis.remedy?.suggestedRole,
          )}
        />
      ) : null}
      <SourceNote source={result.source} problems={result.problems} />
    </>
  );
}
