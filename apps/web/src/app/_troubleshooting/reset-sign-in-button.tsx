"use client";

import { useState } from "react";

import { apiCall, reasonOf } from "@/lib/client/api-call";

/**
 * The redirect-loop fix: POST /api/troubleshooting/reset-sign-in with the session's CSRF token
 * (from the layout's meta tag). The server ends the session and clears the loop count.
 */
export function ResetSignInButton() {
  const [state, setState] = useState<"idle" | "busy" | "done" | "failed">("idle");
  const [message, setMessage] = useState("");
  const reset = async () => {
    setState("busy");
    const result = await apiCall("/api/troubleshooting/reset-sign-in", {
      method: "POST",
      body: {},
    }).catch(() => null);
    if (result?.ok) {
      setState("done");
      setMessage(typeof result.data.next === "string" ? result.data.next : "Done.");
    } else {
      setState("failed");
      setMessage(reasonOf(result?.data ?? {}, "The session could not be cleared."));
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
