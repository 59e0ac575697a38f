/** How a button's request ended, as the Sync page says it beside the button. */
export interface Outcome {
  readonly tone: "ok" | "bad";
  readonly text: string;
}

/** The outcome as a green or red badge; nothing before the first request. */
export function OutcomeBadge({ outcome }: { outcome: Outcome | null }) {
  if (!outcome) return null;
  return (
    <span className={outcome.tone === "ok" ? "la-badge la-badge-ok" : "la-badge la-badge-bad"}>
      {outcome.text}
    </span>
  );
}
