import type { Metadata } from "next";

import { SeedRow } from "@/app/_troubleshooting/seed-row";
import { flatParams } from "@/app/_troubleshooting/search";
import { TriedNote } from "@/app/_troubleshooting/tried-note";
import { pageSession } from "@/lib/server/page-session";
import { services } from "@/lib/server/services";
import {
  DIRECT_LOGIN_ANSWER,
  PASSWORD_WARNING,
  WAY_FORWARD,
} from "@/lib/server/troubleshooting/seed-answers";
import { signInState } from "@/lib/server/troubleshooting/sign-in-state";

export const metadata: Metadata = { title: "Unable to log in · Troubleshooting" };
export const dynamic = "force-dynamic";

/** Seed 000 "Unable to log in": no direct login; the way in, and where this person stands. */
export default async function UnableToLogInPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { tried } = flatParams(await searchParams);
  const state = await pageSession();
  const me = await signInState(services(), state);
  return (
    <>
      <h1>Unable to log in</h1>
      <TriedNote tried={tried} />
      <SeedRow which="unable-to-log-in" />
      <p data-testid="answer">{DIRECT_LOGIN_ANSWER}</p>
      <section className="la-card" aria-labelledby="h-you">
        <h2 id="h-you">Your case</h2>
        {me.status === "active" ? (
          <p data-testid="case">
            You are signed in right now as <strong>{me.who}</strong> (organization {me.role}),
            through Contentstack. Nothing else is needed to log in. If Data &amp; Insights itself
            refuses you, see <a href="/troubleshooting/access-denied">Access denied</a>.
          </p>
        ) : me.status === "identified" ? (
          <p data-testid="case">
            Contentstack opened the app for you, but sign-in did not finish. Go back to{" "}
            <a href="/">the start page</a> and choose <strong>Sign in with Contentstack</strong>;
            allow the pop-up window if your browser blocks it.
            {me.loop && me.loop.starts > 1 ? (
              <>
                {" "}
                It has been tried {me.loop.starts} times in the last minute: see{" "}
                <a href="/troubleshooting/redirect-loop">OAuth redirect loop</a>.
              </>
            ) : null}
          </p>
        ) : (
          <p data-testid="case">
            This page was not opened from Contentstack (or your session ended), so there is no
            sign-in to check. Open the app from Contentstack as below.
          </p>
        )}
        {me.organizationConnected === false ? (
          <p className="la-muted">
            Your organization has not connected Data &amp; Insights yet; its Owner or an Admin does
            that once (after creating the Data Activation Layer).
          </p>
        ) : null}
      </section>
      <section className="la-card" aria-labelledby="h-way" style={{ marginTop: 16 }}>
        <h2 id="h-way">The way in</h2>
        <ol>
          <li>
            Log in to <a href={me.contentstackUrl}>Contentstack</a> with your Contentstack account.
          </li>
          <li>
            Open the <strong>App Switcher</strong> and choose <strong>Data &amp; Insights</strong>{" "}
            (or open <strong>lytics-access</strong> in your organization settings).
          </li>
          <li>The first time, accept the authorization prompt; it appears only once.</li>
        </ol>
        <p className="la-muted">{WAY_FORWARD}</p>
        <p className="la-notice la-notice-warn">{PASSWORD_WARNING}</p>
      </section>
    </>
  );
}
