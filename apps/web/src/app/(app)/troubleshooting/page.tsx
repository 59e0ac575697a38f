import type { Metadata } from "next";

export const metadata: Metadata = { title: "Troubleshooting · Data & Insights access" };

const CASES = [
  {
    title: "Unable to log in",
    text: "Data & Insights uses your Contentstack sign-in; there is no separate password.",
  },
  { title: "Access denied", text: "Which layer and rule refused you, and what would grant it." },
  {
    title: "OAuth redirect loop",
    text: "Repeated sign-in round trips are detected and stopped, with the fix.",
  },
  { title: "Missing audiences or metrics", text: "Which of your roles lacks the view." },
  {
    title: "Password reset not received",
    text: "There is no Data & Insights password to reset: sign in with Contentstack.",
  },
] as const;

/** The troubleshooting index (seed 000's table); each diagnosis page lands with issue 10 part 2. */
export default function TroubleshootingPage() {
  return (
    <>
      <h1>Troubleshooting</h1>
      <div className="la-grid">
        {CASES.map((item) => (
          <section key={item.title} className="la-card">
            <h2>{item.title}</h2>
            <p className="la-muted">{item.text}</p>
          </section>
        ))}
      </div>
    </>
  );
}
