"use client";

import { useState } from "react";

import { apiCall, reasonOf } from "@/lib/client/api-call";

/** "Sync now" while no reconcile has written the member directory yet (Owners and Admins). */
export function SyncNowButton() {
  const [state, setState] = useState<"idle" | "sending" | "queued">("idle");
  const [error, setError] = useState<string | null>(null);
  async function run() {
    setState("sending");
    setError(null);
    const result = await apiCall("/api/members/sync-now", { method: "POST", body: {} }).catch(
      () => null,
    );
    if (result?.ok) return setState("queued");
    setState("idle");
    setError(
      result
        ? reasonOf(result.data, "The sync could not be queued.")
        : "The app could not be reached.",
    );
  }
  return (
    <div aria-live="polite">
      <button
        type="button"
        className="la-button"
        onClick={() => void run()}
        disabled={state !== "idle"}
      >
        Sync now
      </button>
      {state === "queued" ? (
        <p>The sync is running. Reload this page in a few seconds to see everyone.</p>
      ) : null}
      {error ? <p className="la-notice la-notice-bad">{error}</p> : null}
    </div>
  );
}
