import type { Metadata } from "next";

import { ResetSignInButton } from "@/app/_troubleshooting/reset-sign-in-button";
import { SeedRow } from "@/app/_troubleshooting/seed-row";
import { pageSession } from "@/lib/server/page-session";
import { services } from "@/lib/server/services";
import { signInState } from "@/lib/server/troubleshooting/sign-in-state";

export const metadata: Metadata = { title: "OAuth redirect loop · Troubleshooting" };
export const dynamic = "force-dynamic";

const time = (ms: number) =>
  new Date(ms).toLocaleTimeString("en-GB", { timeStyle: "short", timeZone: "UTC" }) + " UTC";

/** Seed 000 "OAuth redirect loop": detected per session, stopped, and the fix offered. */
export default async function RedirectLoopPage() {
  const me = await signInState(services(), await pageSession());
  const loop = me.loop;
  const seconds = loop ? Math.round(loop.windowMs / 1000) : 60;
  return (
    <>
      <h1>OAuth redirect loop</h1>
      <SeedRow which="redirect-loop" />
      <section className="la-card" aria-labelledby="h-you">
        <h2 id="h-you">Your case</h2>
        {loop === null ? (
          <p data-testid="case">
            There is no session of yours here to check (the page was opened outside Contentstack, or
            the session was cleared). Open the app again from Contentstack.
          </p>
        ) : loop.stoppedUntil !== null ? (
          <p className="la-notice la-notice-bad" role="alert" data-testid="case">
            Sign-in went to Contentstack and back {loop.limit} times within {seconds} seconds
            without finishing, so it was stopped. New attempts are refused until{" "}
            {time(loop.stoppedUntil)} or until you take the fix below.
          </p>
        ) : (
          <p data-testid="case">
            No loop detected: {loop.starts} sign-in round trip{loop.starts === 1 ? "" : "s"} in the
            last {seconds} seconds ({loop.callbacks} came back). A loop is stopped after{" "}
            {loop.limit}.
          </p>
        )}
      </section>
      <section className="la-card" aria-labelledby="h-fix" style={{ marginTop: 16 }}>
        <h2 id="h-fix">The fix</h2>
        <ol>
          <li>
            Clear the app&apos;s session: this ends the app&apos;s sign-in, forgets the Contentstack
            tokens it held and resets the loop count.
          </li>
          <li>
            Reload the page (or open lytics-access again from your organization settings) and choose{" "}
            <strong>Sign in with Contentstack</strong> once.
          </li>
          <li>
            If it loops again, clear this site&apos;s cookies in your browser, sign out of
            Contentstack and in again (an expired Contentstack session causes this), then retry.
          </li>
        </ol>
        {me.status !== "none" ? (
          <ResetSignInButton />
        ) : (
          <p className="la-muted">There is no app session to clear from here.</p>
        )}
      </section>
    </>
  );
}
