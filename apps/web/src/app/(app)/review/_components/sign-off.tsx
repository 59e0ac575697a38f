"use client";

import { useState } from "react";

import { dateTimeText } from "@/app/_components/utc-time";
import { apiCall, reasonOf } from "@/lib/client/api-call";

interface SignOffView {
  by: string;
  at: number;
  note: string | null;
}

/**
 * "I reviewed this access on <date>", with an optional note, and the last sign-off (who, when).
 * With `refusal` (an Admin: the Owner signs off), only the last sign-off and why.
 */
export function SignOff({
  last,
  today,
  refusal = null,
}: {
  last: SignOffView | null;
  today: string;
  refusal?: string | null;
}) {
  const [current, setCurrent] = useState(last);
  const [note, setNote] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const sign = async () => {
    setBusy(true);
    setError(null);
    const result = await apiCall("/api/review/sign-off", {
      method: "POST",
      body: note.trim() ? { note } : {},
    });
    setBusy(false);
    if (!result.ok) return setError(reasonOf(result.data, "The sign-off was not recorded."));
    setCurrent((result.data.lastSignOff as SignOffView | null) ?? null);
    setNote("");
  };

  return (
    <section className="la-card" aria-labelledby="h-sign-off">
      <h2 id="h-sign-off">Sign-off</h2>
      <p data-testid="last-sign-off" aria-live="polite">
        {current
          ? `Last reviewed by ${current.by} on ${dateTimeText(current.at)}${current.note ? `: "${current.note}"` : "."}`
          : "Nobody has signed off a review yet."}
      </p>
      {refusal ? (
        <p className="la-muted" data-testid="sign-off-refused">
          {refusal}
        </p>
      ) : (
        <SignOffForm note={note} setNote={setNote} busy={busy} today={today} sign={sign} />
      )}
      {error ? (
        <p className="la-notice la-notice-bad" role="alert">
          {error}
        </p>
      ) : null}
    </section>
  );
}

function SignOffForm({
  note,
  setNote,
  busy,
  today,
  sign,
}: {
  note: string;
  setNote: (value: string) => void;
  busy: boolean;
  today: string;
  sign: () => Promise<void>;
}) {
  return (
    <>
      <label className="la-muted" style={{ display: "flex", flexDirection: "column", gap: 4 }}>
        Note (optional)
        <textarea value={note} maxLength={2000} onChange={(event) => setNote(event.target.value)} />
      </label>
      <p>
        <button type="button" className="la-button" disabled={busy} onClick={() => void sign()}>
          I reviewed this access on {today}
        </button>
      </p>
    </>
  );
}
