import type { Metadata } from "next";
import Link from "next/link";

import {
  SEED_TROUBLESHOOTING,
  type TroubleshootingCase,
} from "@/lib/server/troubleshooting/seed-answers";

export const metadata: Metadata = { title: "Troubleshooting · Data & Insights access" };

const CASES: ReadonlyArray<{ slug: TroubleshootingCase; text: string }> = [
  {
    slug: "unable-to-log-in",
    text: "Data & Insights uses your Contentstack sign-in; there is no separate password.",
  },
  { slug: "access-denied", text: "Which layer and rule refused you, and what would grant it." },
  {
    slug: "redirect-loop",
    text: "Repeated sign-in round trips are detected and stopped, with the fix.",
  },
  {
    slug: "missing-audiences",
    text: "Which of your roles lacks the view, and which would grant it.",
  },
  {
    slug: "password-reset",
    text: "There is no Data & Insights password to reset: sign in with Contentstack.",
  },
];

/** The troubleshooting index: seed 000's table, a page per row, and the access checker. */
export default function TroubleshootingPage() {
  return (
    <>
      <h1>Troubleshooting</h1>
      <div className="la-grid">
        {CASES.map(({ slug, text }) => (
          <section key={slug} className="la-card">
            <h2>
              <Link href={`/troubleshooting/${slug}`}>{SEED_TROUBLESHOOTING[slug].issue}</Link>
            </h2>
            <p className="la-muted">{text}</p>
          </section>
        ))}
        <section className="la-card">
          <h2>
            <Link href="/troubleshooting/access-checker">Access checker</Link>
          </h2>
          <p className="la-muted">
            Can a person do an action on a project, and why. Owners and Admins may check anyone;
            everyone else checks themselves.
          </p>
        </section>
      </div>
    </>
  );
}
