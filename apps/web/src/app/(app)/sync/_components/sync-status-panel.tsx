"use client";

import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";

import { apiCall, reasonOf } from "@/lib/client/api-call";
import type { SyncStatus } from "@/lib/server/sync-page/sync-status";

import { OutcomeBadge, type Outcome } from "./outcome-badge";

const CONNECTION = {
  connected: { label: "Connected", tone: "la-badge-ok" },
  degraded: { label: "Degraded", tone: "la-badge-warn" },
  "needs-reconnect": { label: "Needs reconnect", tone: "la-badge-bad" },
  "not-connected": { label: "Not connected", tone: "la-badge-warn" },
} as const;

const JOB = {
  "sync.reconcile-org": "Full sync",
  "sync.sync-people": "Sync of changed people",
  "sync.apply-held-plan": "Apply of an approved plan",
} as Readonly<Record<string, string>>;

/** A run finished (or a new one is in the history): the server parts of the page are stale. */
function finishedSince(before: SyncStatus, after: SyncStatus): boolean {
  return (
    (before.jobs.length > 0 && after.jobs.length === 0) ||
    before.latestRun?.runId !== after.latestRun?.runId ||
    before.heldPlans !== after.heldPlans ||
    before.connection !== after.connection
  );
}

/**
 * The organization's sync status, kept current by the /api/sync/events stream (Server-Sent
 * Events; see sync-events.ts for why a stream) and announced politely to screen readers. When a
 * run ends, the server-rendered parts (history, held plans, audit) are fetched again with
 * router.refresh(): no page reload.
 */
export function SyncStatusPanel({ initial, canRun }: { initial: SyncStatus; canRun: boolean }) {
  const router = useRouter();
  const [status, setStatus] = useState(initial);
  const [live, setLive] = useState(false);
  const [message, setMessage] = useState<Outcome | null>(null);
  const [busy, setBusy] = useState(false);
  const last = useRef(initial);

  useEffect(() => {
    if (typeof EventSource === "undefined") return;
    const source = new EventSource("/api/sync/events", { withCredentials: true });
    source.addEventListener("open", () => setLive(true));
    source.addEventListener("error", () => setLive(false));
    source.addEventListener("status", (event) => {
      const next = JSON.parse((event as MessageEvent<string>).data) as SyncStatus;
      if (finishedSince(last.current, next)) router.refresh();
      last.current = next;
      setStatus(next);
    });
    return () => source.close();
  }, [router]);

  async function runNow() {
    setBusy(true);
    setMessage(null);
    const result = await apiCall("/api/sync/run", { method: "POST", body: {} });
    setBusy(false);
    setMessage(
      result.ok
        ? { tone: "ok", text: "Sync queued. Progress shows here." }
        : { tone: "bad", text: reasonOf(result.data, "The sync could not be queued.") },
    );
  }

  const connection = CONNECTION[status.connection];
  const running = status.jobs.length > 0;
  return (
    <section className="la-card" aria-labelledby="h-status" data-testid="sync-status-panel">
      <h2 id="h-status">Status</h2>
      <dl className="la-dl">
        <dt>Connection</dt>
        <dd>
          <span className={`la-badge ${connection.tone}`} data-testid="connection">
            {connection.label}
          </span>
          {status.awaitingImport ? " (waiting for the first-connection import)" : null}
        </dd>
        <dt>Now</dt>
        <dd>
          <span role="status" aria-live="polite" data-testid="run-state">
            {running
              ? status.jobs
                  .map(
                    (job) =>
                      `${JOB[job.name] ?? job.name}${job.dryRun ? " (dry run)" : ""}: ${job.state === "active" ? "running" : "queued"}`,
                  )
                  .join("; ")
              : "No sync running."}
          </span>
        </dd>
        <dt>Last run</dt>
        <dd data-testid="last-run">
          {status.latestRun
            ? `${status.latestRun.outcome}, ${new Date(status.latestRun.finishedAt).toISOString().replace("T", " ").slice(0, 19)} UTC`
            : "None yet"}
        </dd>
        <dt>Plans held</dt>
        <dd>
          {status.heldPlans === 0 ? "None waiting" : `${status.heldPlans} waiting for the Owner`}
        </dd>
      </dl>
      {status.statusReason && status.connection !== "connected" ? (
        <p
          className={`la-notice ${status.connection === "needs-reconnect" ? "la-notice-bad" : "la-notice-warn"}`}
        >
          {status.statusReason}
          {status.connection === "needs-reconnect" ? " Reconnect it on Overview." : null}
        </p>
      ) : null}
      {canRun ? (
        <div className="la-actions">
          <button
            type="button"
            className="la-button"
            onClick={() => void runNow()}
            disabled={busy || status.connection === "not-connected"}
            data-testid="run-now"
          >
            {busy ? "Queueing…" : "Run now"}
          </button>
          <span className="la-muted">{live ? "Live" : "Connecting to live updates…"}</span>
        </div>
      ) : null}
      <p aria-live="polite" data-testid="run-message">
        <OutcomeBadge outcome={message} />
      </p>
    </section>
  );
}
