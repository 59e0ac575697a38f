"use client";

import { useEffect, useState } from "react";

import { apiCall, reasonOf } from "@/lib/client/api-call";
import type { MemberExplanation } from "@/lib/server/members/member-explanation";
import type { MemberRowView } from "@/lib/server/members/member-view";
import type { TraceLine } from "@/lib/server/members/sync-person";

import { ExplanationPanel } from "./explanation-panel";
import styles from "./members.module.css";
import { SyncTrace } from "./sync-trace";

type SyncState =
  | { kind: "idle" }
  | { kind: "running" }
  | { kind: "done"; outcome: string; trace: readonly TraceLine[]; note: string | null }
  | { kind: "error"; message: string };

/** One person's explanation, and (Owners and Admins) "Sync this person now" with its trace. */
export function MemberDetail({
  memberKey,
  label,
  canSync,
  onSynced,
}: {
  memberKey: string;
  label: string;
  canSync: boolean;
  /** The person's sync status after the run, for the table's badge. */
  onSynced?: (status: MemberRowView["status"]) => void;
}) {
  const [explanation, setExplanation] = useState<MemberExplanation | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [sync, setSync] = useState<SyncState>({ kind: "idle" });
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    const controller = new AbortController();
    void apiCall(`/api/members/explain?person=${encodeURIComponent(memberKey)}`, {
      method: "GET",
      signal: controller.signal,
    })
      .then((result) => {
        if (result.ok) setExplanation(result.data as unknown as MemberExplanation);
        else setError(reasonOf(result.data, "The explanation could not be read."));
      })
      .catch(() => {
        if (!controller.signal.aborted) setError("The explanation could not be read.");
      });
    return () => controller.abort();
  }, [memberKey, generation]);

  async function syncNow() {
    setSync({ kind: "running" });
    const result = await apiCall("/api/members/sync-person", {
      method: "POST",
      body: { person: memberKey },
    }).catch(() => null);
    if (!result) return setSync({ kind: "error", message: "The app could not be reached." });
    const data = result.data;
    if (
      data.syncStatus === "in-sync" ||
      data.syncStatus === "out-of-sync" ||
      data.syncStatus === "pending"
    )
      onSynced?.(data.syncStatus);
    if (result.status === 200)
      setSync({
        kind: "done",
        outcome: String(data.outcome),
        trace: (data.trace as TraceLine[] | undefined) ?? [],
        note: typeof data.reason === "string" ? data.reason : null,
      });
    else if (result.status === 202)
      setSync({ kind: "error", message: `Still running: ${reasonOf(data, "queued")}` });
    else setSync({ kind: "error", message: reasonOf(data, "The sync could not run.") });
    setGeneration((g) => g + 1);
  }

  return (
    <div className={styles.panel}>
      {error ? (
        <p className="la-notice la-notice-bad" role="alert">
          {error}
        </p>
      ) : explanation ? (
        <ExplanationPanel explanation={explanation} />
      ) : (
        <p className="la-muted">Reading the explanation…</p>
      )}
      {canSync ? (
        <div>
          <p className={styles.actions}>
            <button
              type="button"
              className="la-button la-button-secondary"
              onClick={() => void syncNow()}
              disabled={sync.kind === "running"}
            >
              Sync {label} now
            </button>
          </p>
          <div aria-live="polite" data-testid="sync-person-result">
            {sync.kind === "running" ? <p className="la-muted">Syncing {label}…</p> : null}
            {sync.kind === "error" ? (
              <p className="la-notice la-notice-warn">{sync.message}</p>
            ) : null}
            {sync.kind === "done" ? (
              <>
                <p>
                  Run finished: <strong>{sync.outcome}</strong>
                  {sync.note ? ` (${sync.note})` : ""}.
                </p>
                <SyncTrace lines={sync.trace} />
              </>
            ) : null}
          </div>
        </div>
      ) : null}
    </div>
  );
}
