"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";

import { apiCall, reasonOf } from "@/lib/client/api-call";

/** Takes one's own pending request back (the server checks it is theirs and still pending). */
export function WithdrawButton({ requestId, version }: { requestId: string; version: number }) {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const withdraw = async () => {
    setBusy(true);
    const result = await apiCall("/api/requests/withdraw", {
      method: "POST",
      body: { requestId, version },
    });
    setBusy(false);
    if (!result.ok) return setError(reasonOf(result.data, "Not withdrawn."));
    router.refresh();
  };
  return (
    <span aria-live="polite">
      <button
        type="button"
        className="la-button la-button-secondary"
        disabled={busy}
        onClick={() => void withdraw()}
      >
        Withdraw
      </button>
      {error ? (
        <span className="la-notice la-notice-bad" role="alert">
          {error}
        </span>
      ) : null}
    </span>
  );
}
