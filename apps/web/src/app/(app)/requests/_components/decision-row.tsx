"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";

import { apiCall, reasonOf } from "@/lib/client/api-call";
import type { RequestView } from "@/lib/server/requests/request-view";

import { RequestSummary } from "./request-summary";
import styles from "./requests.module.css";

type Outcome =
  | { kind: "idle" }
  | { kind: "busy" }
  | { kind: "done"; text: string }
  | { kind: "error"; text: string };

/**
 * One pending request a decider may approve (optionally until a date) or decline (with a reason).
 * The version shown goes with the decision, so a request someone decided meanwhile is refused
 * (409) and said so, never decided twice.
 */
export function DecisionRow({ request, today }: { request: RequestView; today: string }) {
  const router = useRouter();
  const [expiresOn, setExpiresOn] = useState("");
  const [reason, setReason] = useState("");
  const [outcome, setOutcome] = useState<Outcome>({ kind: "idle" });
  const id = request.id;

  const send = async (decision: "approve" | "decline") => {
    if (decision === "decline" && reason.trim() === "")
      return setOutcome({ kind: "error", text: "Say why it is declined: the requester sees it." });
    setOutcome({ kind: "busy" });
    const result = await apiCall("/api/requests/decision", {
      method: "POST",
      body: {
        decision,
        requestId: id,
        version: request.version,
        ...(decision === "approve" && expiresOn ? { expiresOn } : {}),
        ...(reason.trim() ? { reason } : {}),
      },
    });
    if (!result.ok)
      return setOutcome({ kind: "error", text: reasonOf(result.data, "Nothing was changed.") });
    setOutcome({
      kind: "done",
      text:
        decision === "approve"
          ? "Approved: the access is granted and the sync applies it within seconds."
          : "Declined.",
    });
    router.refresh();
  };

  const busy = outcome.kind === "busy" || outcome.kind === "done";
  return (
    <li className="la-card" data-testid="decision-row">
      <RequestSummary request={request} showRequester />
      <div className={styles.actions}>
        <label className={`la-field ${styles.field}`}>
          Access until (optional)
          <input
            type="date"
            min={today}
            value={expiresOn}
            onChange={(event) => setExpiresOn(event.target.value)}
          />
        </label>
        <button
          type="button"
          className="la-button"
          disabled={busy}
          onClick={() => void send("approve")}
        >
          Approve
        </button>
        <label className={`la-field ${styles.field}`}>
          Reason (required to decline)
          <textarea
            value={reason}
            maxLength={1000}
            onChange={(event) => setReason(event.target.value)}
          />
        </label>
        <button
          type="button"
          className="la-button la-button-secondary"
          disabled={busy}
          onClick={() => void send("decline")}
        >
          Decline
        </button>
      </div>
      <div aria-live="polite">
        {outcome.kind === "error" ? (
          <p className="la-notice la-notice-bad" role="alert" data-testid="decision-error">
            {outcome.text}
          </p>
        ) : null}
        {outcome.kind === "done" ? (
          <p className="la-notice la-notice-info" data-testid="decision-done">
            {outcome.text}
          </p>
        ) : null}
      </div>
    </li>
  );
}
