import type { ReactNode } from "react";

import { AppShell } from "@/app/_components/app-shell";
import { pageSession } from "@/lib/server/page-session";

/** The shell of every signed-in page: navigation, the person and their organization role. */
export default async function AppLayout({ children }: { children: ReactNode }) {
  const state = await pageSession();
  if (state.status !== "active")
    return (
      <main className="la-center">
        <h1>Your session has ended</h1>
        <p>
          {state.status === "none" && state.reason === "ended"
            ? "Your Contentstack sign-in expired or you are no longer in this organization."
            : "Sign in again to continue."}
        </p>
        <p>
          <a className="la-button" href="/">
            Start again
          </a>
        </p>
        <p className="la-muted">
          If this keeps happening, reopen the app from your organization settings in Contentstack.
        </p>
      </main>
    );
  const { person, session } = state;
  return (
    <AppShell person={person} csrfToken={session.csrfToken}>
      {children}
    </AppShell>
  );
}
