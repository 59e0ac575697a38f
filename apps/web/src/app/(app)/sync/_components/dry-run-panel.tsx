"use client";

import type { PlanDiff } from "@lytics-access/sync";
import { useState } from "react";

import { apiCall, reasonOf } from "@/lib/client/api-call";

import { PlanDiffView, type SafetyNote } from "./plan-diff-view";
import styles from "./sync.module.css";

/** "Preview the next sync": the worker's dry run, shown as a diff; nothing is written. */
export function DryRunPanel() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [result, setResult] = useState<{ plan: PlanDiff; safety: SafetyNote[] } | null>(null);

  async function preview() {
    setBusy(true);
    setError(null);
    const answer = await apiCall("/api/sync/dry-run", { method: "POST", body: {} });
    setBusy(false);
    if (!answer.ok) {
      setError(reasonOf(answer.data, "The dry run failed."));
      return;
    }
    setResult(answer.data as unknown as { plan: PlanDiff; safety: SafetyNote[] });
  }

  return (
    <section className="la-card" aria-labelledby="h-dry-run">
      <h2 id="h-dry-run">What the next sync would change</h2>
      <p className="la-muted">
        A dry run reads Contentstack and every project in Lytics and plans, without writing
        anything.
      </p>
      <div className="la-actions">
        <button
          type="button"
          className="la-button la-button-secondary"
          onClick={() => void preview()}
          disabled={busy}
          data-testid="dry-run"
        >
          {busy ? "Planning…" : "Preview the next sync"}
        </button>
      </div>
      <div aria-live="polite" className={styles.section}>
        {error ? (
          <p className="la-notice la-notice-bad" role="alert">
            {error}
          </p>
        ) : null}
        {result ? <PlanDiffView plan={result.plan} safety={result.safety} label="Dry run" /> : null}
      </div>
    </section>
  );
}
