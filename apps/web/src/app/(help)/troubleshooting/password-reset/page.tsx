import type { Metadata } from "next";

import { SeedRow } from "@/app/_troubleshooting/seed-row";
import { flatParams } from "@/app/_troubleshooting/search";
import { TriedNote } from "@/app/_troubleshooting/tried-note";
import { pageSession } from "@/lib/server/page-session";
import { services } from "@/lib/server/services";
import {
  PASSWORD_RESET_ANSWER,
  PASSWORD_WARNING,
  WAY_FORWARD,
} from "@/lib/server/troubleshooting/seed-answers";
import { signInState } from "@/lib/server/troubleshooting/sign-in-state";

export const metadata: Metadata = { title: "Password reset not received · Troubleshooting" };
export const dynamic = "force-dynamic";

/** Seed 000 "Password reset not received": there is nothing to reset; sign in with Contentstack. */
export default async function PasswordResetPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { tried } = flatParams(await searchParams);
  const me = await signInState(services(), await pageSession());
  return (
    <>
      <h1>Password reset not received</h1>
      <TriedNote tried={tried} />
      <SeedRow which="password-reset" />
      <p data-testid="answer">{PASSWORD_RESET_ANSWER}</p>
      <section className="la-card" aria-labelledby="h-you">
        <h2 id="h-you">Your case</h2>
        <p data-testid="case">
          {me.status === "active" ? (
            <>
              You are already signed in as <strong>{me.who}</strong> with your Contentstack account:
              no reset email will come, because there is no Data &amp; Insights password.
            </>
          ) : (
            <>
              No reset email will come: Data &amp; Insights never had a password for you. If you
              forgot your <em>Contentstack</em> password, reset it on Contentstack&apos;s own login
              page, then open Data &amp; Insights from there.
            </>
          )}
        </p>
        <p>
          <a className="la-button" href={me.contentstackUrl}>
            Go to Contentstack login
          </a>
        </p>
        <p className="la-muted">{WAY_FORWARD}</p>
        <p className="la-notice la-notice-warn">{PASSWORD_WARNING}</p>
      </section>
    </>
  );
}
