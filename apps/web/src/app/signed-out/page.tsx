import type { Metadata } from "next";

export const metadata: Metadata = { title: "Signed out · Data & Insights access" };

/**
 * Where "Sign out of the app" lands. Only the app's session ended: Contentstack keeps the person
 * signed in, and reopening the app there passes a fresh signed app token, which starts again.
 */
export default function SignedOutPage() {
  return (
    <main className="la-center">
      <h1>You are signed out of the app</h1>
      <p>
        Data &amp; Insights access no longer holds a session for you in this browser. You are still
        signed in to Contentstack.
      </p>
      <p className="la-muted">
        To come back, open <strong>lytics-access</strong> again from your organization settings in
        Contentstack (or reload the page there), then sign in with Contentstack.
      </p>
    </main>
  );
}
