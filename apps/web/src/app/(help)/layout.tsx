import type { ReactNode } from "react";

import { PersonCard } from "@/app/_components/person-card";
import { pageSession } from "@/lib/server/page-session";

import { NavLinks } from "../(app)/_components/nav-links";

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
    <div className="la-shell">
      <meta name="la-csrf" content={state.session.csrfToken} />
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
