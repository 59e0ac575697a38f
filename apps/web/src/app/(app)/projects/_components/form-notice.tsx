/** What a form or table says after its last request: done (muted text), a warning or a refusal. */
export interface Notice {
  readonly tone: "ok" | "warn" | "bad";
  readonly text: string;
}

/** The notice in a polite live region, so the outcome of a save is read out where it appears. */
export function FormNotice({ notice, testId }: { notice: Notice | null; testId?: string }) {
  return (
    <div aria-live="polite">
      {notice ? (
        <p
          className={notice.tone === "ok" ? "la-muted" : `la-notice la-notice-${notice.tone}`}
          data-testid={testId}
        >
          {notice.text}
        </p>
      ) : null}
    </div>
  );
}
