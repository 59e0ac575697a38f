import type { ReactNode } from "react";

import { AppShell } from "@/app/_components/app-shell";
import { pageSession } from "@/lib/server/page-session";

/**
 * The sign-in help pages (unable to log in, password reset, redirect loop): reachable by someone
 * who is not signed in, since that is when they are needed. A signed-in person gets the usual
 * shell around them; anyone else gets the page alone.
 */
export default async function HelpLayout({ children }: { children: ReactNode }) {
  const state = await pageSession();
  const csrf = state.status === "none" ? null : state.session.csrfToken;
  if (state.status !== "active")
    return (
      <main className="la-main" style={{ maxWidth: 760, margin: "0 auto" }}>
        {csrf ? <meta name="la-csrf" content={csrf} /> : null}
        {children}
      </main>
    );
  const { person } = state;
  return (
    <AppShell person={person} csrfToken={state.session.csrfToken}>
      {children}
    </AppShell>
  );
}
