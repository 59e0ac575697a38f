"use client";

import { useState } from "react";

import { apiCall, reasonOf } from "@/lib/client/api-call";

/**
 * Ends the app's session (POST /api/auth/sign-out; Contentstack's own sign-in stays as it is),
 * then reloads the frame's entry page, which offers to sign in again.
 */
export function SignOutButton() {
  const [state, setState] = useState<{ busy: boolean; error?: string }>({ busy: false });
  const signOut = async () => {
    setState({ busy: true });
    const result = await apiCall("/api/auth/sign-out", { method: "POST", body: {} }).catch(
      () => null,
    );
    if (result?.ok) {
      window.location.assign("/signed-out");
      return;
    }
    setState({
      busy: false,
      error: reasonOf(result?.data ?? {}, "Signing out failed; try again."),
    });
  };
  return (
    <>
      <button
        type="button"
        className="la-button la-button-secondary la-sign-out"
        onClick={() => void signOut()}
        disabled={state.busy}
      >
        Sign out of the app
      </button>
      {state.error ? (
        <p className="la-notice la-notice-bad" role="alert">
          {state.error}
        </p>
      ) : null}
    </>
  );
}
