import type { Metadata } from "next";

import { dateTimeText } from "@/app/_components/utc-time";
import { loadMembers } from "@/lib/server/members/members-list";
import { membersQuery, queryObject } from "@/lib/server/members/members-query";
import { pageSession } from "@/lib/server/page-session";
import { services } from "@/lib/server/services";

import { MembersFilters } from "./_components/members-filters";
import styles from "./_components/members.module.css";
import { MembersTable } from "./_components/members-table";
import { Pager } from "./_components/pager";
import { SyncNowButton } from "./_components/sync-now-button";

export const metadata: Metadata = { title: "Members · Data & Insights access" };
export const dynamic = "force-dynamic";

/**
 * Every member with their Contentstack role, access level, Lytics roles per project and sync
 * status (issue 11), from the member directory the worker writes on each reconcile: filtered and
 * paged on the server, the URL holding the filters.
 */
export default async function MembersPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const state = await pageSession();
  if (state.status !== "active") return null; // the layout shows the way back
  const params = queryObject(await searchParams);
  const parsed = membersQuery.safeParse(params);
  const query = parsed.success ? parsed.data : membersQuery.parse({});
  const result = await loadMembers(services(), state, query);
  return (
    <>
      <h1>Members</h1>
      {result.kind === "refused" ? (
        <p className="la-notice la-notice-bad" role="alert" data-testid="members-refused">
          {result.decision.reasons[0]} (rule{" "}
          <code className={styles.code}>{result.decision.rule}</code>)
        </p>
      ) : result.kind === "no-directory" ? (
        <section className="la-card" aria-labelledby="h-no-directory">
          <h2 id="h-no-directory">No member list yet</h2>
          <p>
            The member list is written by the sync from what it reads on each run. No run has
            finished for this organization yet.
          </p>
          {!result.connected ? (
            <p className="la-notice la-notice-warn">
              The organization is not connected for the sync: connect it on the Overview first.
            </p>
          ) : result.canSync ? (
            <SyncNowButton />
          ) : (
            <p className="la-muted">An Owner or Admin can start the first sync.</p>
          )}
        </section>
      ) : (
        <>
          <p className="la-muted" data-testid="members-freshness">
            {result.total} people, read from Contentstack and Data &amp; Insights at{" "}
            {dateTimeText(result.readAt)}
            {result.updatedAt > result.readAt + 1000
              ? `, some updated at ${dateTimeText(result.updatedAt)}`
              : ""}
            .
          </p>
          {!parsed.success ? (
            <p className="la-notice la-notice-warn" role="alert">
              Some filters in the address were not understood and are ignored:{" "}
              {parsed.error.issues.map((i) => i.path.join(".")).join(", ")}.
            </p>
          ) : null}
          {result.scope === "self" ? (
            <p className="la-notice la-notice-info">{result.scopeReason}</p>
          ) : (
            <MembersFilters query={query} projects={result.projects} />
          )}
          <MembersTable
            rows={result.rows}
            canSync={result.canSync}
            caption={
              result.scope === "self"
                ? "Your access"
                : `Members: ${result.matching} matching, page ${result.page} of ${result.pageCount}`
            }
          />
          {result.pageCount > 1 ? (
            <Pager params={params} page={result.page} pageCount={result.pageCount} />
          ) : null}
        </>
      )}
    </>
  );
}
