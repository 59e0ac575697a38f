import type { SessionPerson } from "@lytics-access/store";
import type { ReactNode } from "react";

import { NavLinks } from "@/app/(app)/_components/nav-links";
import { PersonCard } from "@/app/_components/person-card";

/**
 * The shell around a signed-in person's pages: the CSRF token for the iframe's requests, the
 * navigation, the person and their organization role, then the page.
 */
export function AppShell({
  person,
  csrfToken,
  children,
}: {
  person: SessionPerson;
  csrfToken: string;
  children: ReactNode;
}) {
  return (
    <div className="la-shell">
      <meta name="la-csrf" content={csrfToken} />
      <nav className="la-nav" aria-label="Data & Insights access">
        <p className="la-nav-title">Data &amp; Insights access</p>
        <NavLinks
          items={[
            { href: "/overview", label: "Overview" },
            { href: "/members", label: "Members" },
            { href: "/projects", label: "Projects" },
            { href: "/requests", label: "Access requests" },
            { href: "/sync", label: "Sync" },
            { href: "/review", label: "Access review" },
            { href: "/policy", label: "Policy" },
            { href: "/troubleshooting", label: "Troubleshooting" },
          ]}
        />
        <PersonCard person={person} />
      </nav>
      <main className="la-main">{children}</main>
    </div>
  );
}
