import type { ReactNode } from "react";

import { PersonCard } from "@/app/_components/person-card";
import { pageSession } from "@/lib/server/page-session";

import { NavLinks } from "./_components/nav-links";

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
    <div className="la-shell">
      <meta name="la-csrf" content={session.csrfToken} />
      <nav className="la-nav" aria-label="Data & Insights access">
        <p className="la-nav-title">Data &amp; Insights access</p>
        <NavLinks
          items={[
            { href: "/overview", label: "Overview" },
            { href: "/troubleshooting", label: "Troubleshooting" },
          ]}
        />
        <PersonCard person={person} />
      </nav>
      <main className="la-main">{children}</main>
    </div>
  );
}
