"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";

import { apiCall, reasonOf } from "@/lib/client/api-call";
import type { HeldPlanView } from "@/lib/server/sync-page/held-plan-view";

import { OutcomeBadge, type Outcome } from "./outcome-badge";
import { PlanDiffView } from "./plan-diff-view";

const when = (ms: number) => new Date(ms).toISOString().replace("T", " ").slice(0, 16) + " UTC";

/**
 * A plan the removal guard held: why (the guard, its rule and explanation), what it would do, and
 * the Owner's Approve. Everyone else sees why they cannot approve it.
 */
export function HeldPlanCard({
  plan,
  canApprove,
  approveRefusal,
}: {
  plan: HeldPlanView;
  canApprove: boolean;
  /** Why this person may not approve (shown instead of the button). */
  approveRefusal?: string | undefined;
}) {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<Outcome | null>(null);

  async function approve() {
    setBusy(true);
    setMessage(null);
    const result = await apiCall("/api/sync/held-plans/approve", {
      method: "POST",
      body: { planId: plan.planId },
    });
    setBusy(false);
    if (result.ok) {
      setMessage({ tone: "ok", text: "Approved. The sync is applying the plan now." });
      router.refresh();
    } else setMessage({ tone: "bad", text: reasonOf(result.data, "The approval failed.") });
  }

  const headingId = `held-${plan.planId}`;
  return (
    <section className="la-card" aria-labelledby={headingId} data-testid="held-plan">
      <h3 id={headingId}>
        Plan {plan.planId.slice(0, 12)} held {when(plan.createdAt)}
      </h3>
      <p className="la-notice la-notice-warn" data-testid="held-reason">
        <strong>Held by the {plan.heldBy.guard} guard:</strong> {plan.heldBy.reason}{" "}
        <span className="la-muted">({plan.heldBy.rule})</span>
      </p>
      <dl className="la-dl">
        <dt>Removals</dt>
        <dd>
          {plan.removals} ({(plan.share * 100).toFixed(1)}% of the organization&apos;s Lytics users;
          the limit is {(plan.threshold * 100).toFixed(1)}%)
        </dd>
        <dt>Approval</dt>
        <dd data-testid="held-approval">
          {plan.approval
            ? `Approved by ${plan.approval.by}, ${when(plan.approval.at)}`
            : "Waiting for the Owner"}
        </dd>
      </dl>
      {plan.diff ? (
        <details>
          <summary>What the plan would change</summary>
          <PlanDiffView plan={plan.diff} label="Held plan" />
        </details>
      ) : (
        <p className="la-muted">The plan&apos;s details cannot be shown by this version.</p>
      )}
      {plan.approval ? null : canApprove ? (
        <div className="la-actions">
          <button
            type="button"
            className="la-button"
            onClick={() => void approve()}
            disabled={busy}
            data-testid="approve"
          >
            {busy ? "Approving…" : "Approve and apply"}
          </button>
        </div>
      ) : (
        <p className="la-muted" data-testid="approve-refused">
          {approveRefusal ?? "Only the organization's Owner may approve a held plan."}
        </p>
      )}
      <p role="status" aria-live="polite" data-testid="approve-message">
        <OutcomeBadge outcome={message} />
      </p>
    </section>
  );
}
