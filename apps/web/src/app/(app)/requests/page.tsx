import type { Metadata } from "next";
import Link from "next/link";

import { pageSession } from "@/lib/server/page-session";
import { requestsOverview } from "@/lib/server/requests/list-requests";
import { services } from "@/lib/server/services";

import { DecisionRow } from "./_components/decision-row";
import { RequestSummary } from "./_components/request-summary";
import styles from "./_components/requests.module.css";
import { WithdrawButton } from "./_components/withdraw-button";

export const metadata: Metadata = { title: "Access requests · Data & Insights access" };
export const dynamic = "force-dynamic";

/**
 * Access requests (DESIGN §5): the person's own, and for a project's owner and the organization's
 * Owners and Admins, the ones they may decide.
 */
export default async function RequestsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const state = await pageSession();
  if (state.status !== "active") return null; // the layout shows the way back
  const data = await requestsOverview(services(), state);
  const sent = (await searchParams).sent === "1";
  const today = new Date().toISOString().slice(0, 10);
  return (
    <>
      <h1>Access requests</h1>
      {sent ? (
        <p className="la-notice la-notice-info" role="status">
          Your request was sent. The project&apos;s owner and the organization&apos;s Owner and
          Admins can see it.
        </p>
      ) : null}
      <p className={styles.askAction}>
        <Link className="la-button" href="/requests/new">
          Request access to a project
        </Link>
      </p>
      {data.decidesFor !== "none" ? (
        <section aria-labelledby="h-decide">
          <h2 id="h-decide">Waiting for your decision</h2>
          <p className="la-muted">
            {data.decidesFor === "organization"
              ? "As an organization Owner or Admin you decide requests on every project."
              : "As a project owner you decide requests on your projects."}
          </p>
          {data.toDecide.length === 0 ? (
            <p data-testid="nothing-to-decide">No request is waiting.</p>
          ) : (
            <ul className={styles.list}>
              {data.toDecide.map((request) => (
                <DecisionRow key={request.id} request={request} today={today} />
              ))}
            </ul>
          )}
        </section>
      ) : null}
      <section aria-labelledby="h-mine" style={{ marginTop: 24 }}>
        <h2 id="h-mine">Your requests</h2>
        {data.mine.length === 0 ? (
          <p className="la-muted">You have not asked for access yet.</p>
        ) : (
          <ul className={styles.list}>
            {data.mine.map((request) => (
              <li key={request.id} className="la-card" data-testid="my-request">
                <RequestSummary request={request} showRequester={false} />
                {request.status === "pending" ? (
                  <div className={styles.actions}>
                    <WithdrawButton requestId={request.id} version={request.version} />
                  </div>
                ) : null}
              </li>
            ))}
          </ul>
        )}
      </section>
      {data.decided.length > 0 ? (
        <section aria-labelledby="h-decided" style={{ marginTop: 24 }}>
          <h2 id="h-decided">Recently decided</h2>
          <ul className={styles.list}>
            {data.decided.map((request) => (
              <li key={request.id} className="la-card">
                <RequestSummary request={request} showRequester />
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}
