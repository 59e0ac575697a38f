import type { Metadata } from "next";

import { authorize } from "@/lib/server/authorize";
import { pageSession } from "@/lib/server/page-session";
import { loadAccessReview } from "@/lib/server/review/load-review";
import { services } from "@/lib/server/services";

import { ReviewTable } from "./_components/review-table";
import styles from "./_components/review.module.css";
import { SignOff } from "./_components/sign-off";

export const metadata: Metadata = { title: "Access review · Data & Insights access" };
export const dynamic = "force-dynamic";

/** Rows drawn on the page; the CSV export always has every one. */
const SHOWN_ROWS = 1000;

/**
 * Access review (Owners and Admins): who holds which roles on which project and why, now, with
 * grant expiries and last sign-in where known; CSV export; the sign-off kept in the audit log.
 */
export default async function ReviewPage() {
  const state = await pageSession();
  if (state.status !== "active") return null;
  const gate = authorize(state.person, "review.view");
  if (!gate.allowed)
    return (
      <>
        <h1>Access review</h1>
        <div className="la-notice la-notice-warn" role="alert" data-testid="review-refused">
          <p style={{ margin: 0 }}>Only organization Owners and Admins review access.</p>
          <ul>
            {gate.reasons.map((reason) => (
              <li key={reason}>{reason}</li>
            ))}
          </ul>
        </div>
      </>
    );
  const review = await loadAccessReview(services(), state);
  const signOff = authorize(state.person, "review.sign-off");
  const today = new Date(review.asOf).toISOString().slice(0, 10);
  return (
    <>
      <h1>Access review</h1>
      <p className="la-muted">
        Every role held on every Data &amp; Insights project, as Data &amp; Insights reports it now,
        and the rule that gives it (the sync&apos;s own reasoning). Last sign-in is when the person
        last opened this app, while that is still known.
      </p>
      {review.problems.map((problem) => (
        <p key={problem} className="la-notice la-notice-warn" role="alert">
          {problem}
        </p>
      ))}
      {review.unreadProjects.length > 0 ? (
        <p className="la-notice la-notice-warn" role="alert">
          Collaborators could not be read on: {review.unreadProjects.join(", ")}.
        </p>
      ) : null}
      <div className={styles.toolbar}>
        <a className="la-button la-button-secondary" href="/api/review/export" download>
          Export CSV
        </a>
        <span className="la-muted">
          Read with{" "}
          {review.source === "organization"
            ? "the organization's connected credential"
            : "your own Contentstack sign-in"}
          .
        </span>
      </div>
      {review.rows.length > SHOWN_ROWS ? (
        <p className="la-notice la-notice-info" data-testid="rows-capped">
          Showing the first {SHOWN_ROWS} of {review.rows.length} assignments; the CSV export has
          every one.
        </p>
      ) : null}
      <ReviewTable
        rows={review.rows.slice(0, SHOWN_ROWS)}
        asOf={review.asOf}
        total={review.rows.length}
      />
      <div style={{ marginTop: 24 }}>
        <SignOff
          last={review.lastSignOff}
          today={today}
          refusal={signOff.allowed ? null : (signOff.reasons[0] ?? "Only the Owner signs off.")}
        />
      </div>
    </>
  );
}
