"use client";

import { useState } from "react";

/**
 * The redirect-loop fix: POST /api/troubleshooting/reset-sign-in with the session's CSRF token
 * (from the layout's meta tag). The server ends the session and clears the loop count.
 */
export function ResetSignInButton() {
  const [state, setState] = useState<"idle" | "busy" | "done" | "failed">("idle");
  const [message, setMessage] = useState("");
  const reset = async () => {
    setState("busy");
    const csrf = document.querySelector<HTMLMetaElement>('meta[name="la-csrf"]')?.content ?? "";
    const response = await fetch("/api/troubleshooting/reset-sign-in", {
      method: "POST",
      credentials: "same-origin",
      headers: { "content-type": "application/json", "x-csrf-token": csrf },
      body: "{}",
    }).catch(() => null);
    const data = (await response?.json().catch(() => ({}))) as {
      next?: string;
      reasons?: string[];
    };
    if (response?.ok) {
      setState("done");
      setMessage(data.next ?? "Done.");
    } else {
      setState("failed");
      setMessage(data.reasons?.[0] ?? "The session could not be cleared.");
    }
  };
  if (state === "done")
    return (
      <p className="la-notice la-notice-info" role="status" data-testid="reset-done">
        The app&apos;s session and its stored sign-in are cleared. {message}
      </p>
    );
  return (
    <>
      <button
        type="button"
        className="la-button"
        onClick={() => void reset()}
        disabled={state === "busy"}
      >
        Clear the app&apos;s session and sign in again
      </button>
      {state === "failed" ? (
        <p className="la-notice la-notice-bad" role="alert">
          {message}
        </p>
      ) : null}
    </>
  );
}
