"use client";

import { useRouter } from "next/navigation";
import { useCallback, useEffect, useRef, useState } from "react";

import { apiCall, reasonOf } from "@/lib/client/api-call";
import { readConnectMessage } from "@/lib/client/connect-message";

import styles from "./connect.module.css";

interface ImportView {
  importId: string;
  summary: string;
  removals: ReadonlyArray<{ email: string; projectUid: string; reason: string }>;
}

interface Props {
  appUrl: string;
  orgUid: string;
  /** "Connect" for a new installation, "Reconnect" for an existing one. */
  label: "Connect" | "Reconnect";
  /** The first-connection import is still waiting for acceptance (after a reload). */
  importPending: boolean;
}

type Phase =
  | { kind: "idle"; note?: string }
  | { kind: "authorizing" }
  | { kind: "working"; what: string }
  | { kind: "plan"; plan: ImportView; note?: string }
  | { kind: "done"; message: string };

/**
 * Connect or reconnect the organization for the background sync (Owners and Admins; the server
 * decides again): the organization's authorization in a popup, its one-time code posted back to
 * this frame, then the first-connection import plan to accept before anything is synced.
 */
export function ConnectPanel({ appUrl, orgUid, label, importPending }: Props) {
  const router = useRouter();
  const [phase, setPhase] = useState<Phase>({ kind: "idle" });
  const popupRef = useRef<Window | null>(null);

  const onMessage = useCallback(
    (event: MessageEvent) => {
      if (phase.kind !== "authorizing") return;
      const code = readConnectMessage(event, appUrl, popupRef.current);
      if (code === null) return;
      setPhase({ kind: "working", what: "Connecting…" });
      void (async () => {
        const result = await apiCall("/api/connection", { method: "POST", body: { code } });
        if (result.ok && result.data.import) {
          setPhase({ kind: "plan", plan: result.data.import as ImportView });
          return;
        }
        if (result.ok) {
          setPhase({ kind: "done", message: "Reconnected. A sync has been queued." });
          router.refresh();
          return;
        }
        setPhase({ kind: "idle", note: reasonOf(result.data, "Connecting did not complete.") });
        router.refresh();
      })();
    },
    [appUrl, phase.kind, router],
  );

  useEffect(() => {
    window.addEventListener("message", onMessage);
    return () => window.removeEventListener("message", onMessage);
  }, [onMessage]);

  const connect = () => {
    const popup = window.open(
      `/auth/connect/start?org=${encodeURIComponent(orgUid)}`,
      "la-connect",
      "popup,width=520,height=720",
    );
    if (!popup) {
      setPhase({
        kind: "idle",
        note: "Your browser blocked the authorization window. Allow pop-ups for this page and try again.",
      });
      return;
    }
    popupRef.current = popup;
    setPhase({ kind: "authorizing" });
  };

  const review = async () => {
    setPhase({ kind: "working", what: "Reading your projects…" });
    const result = await apiCall("/api/connection/import", { method: "GET" });
    if (result.ok) setPhase({ kind: "plan", plan: result.data.import as ImportView });
    else setPhase({ kind: "idle", note: reasonOf(result.data, "The plan could not be read.") });
  };

  const accept = async (plan: ImportView) => {
    setPhase({ kind: "working", what: "Saving…" });
    const result = await apiCall("/api/connection/import", {
      method: "POST",
      body: { importId: plan.importId },
    });
    if (result.ok) {
      setPhase({
        kind: "done",
        message: `Accepted: ${String(result.data.adopted)} collaborator role(s) kept as grants. The first sync has been queued.`,
      });
      router.refresh();
      return;
    }
    const changed = result.data.import as ImportView | undefined;
    setPhase(
      changed
        ? { kind: "plan", plan: changed, note: reasonOf(result.data, "The plan changed.") }
        : { kind: "idle", note: reasonOf(result.data, "The plan could not be accepted.") },
    );
  };

  if (phase.kind === "plan")
    return (
      <div className={styles.plan} data-testid="import-plan">
        <h3>Before the first sync</h3>
        {phase.note ? <p className="la-notice la-notice-warn">{phase.note}</p> : null}
        <p data-testid="import-summary">{phase.plan.summary}</p>
        {phase.plan.removals.length > 0 ? (
          <ul className={styles.removals}>
            {phase.plan.removals.map((removal) => (
              <li key={`${removal.projectUid}:${removal.email}`}>
                <strong>{removal.email}</strong> <span className="la-muted">{removal.reason}</span>
              </li>
            ))}
          </ul>
        ) : null}
        <p className="la-muted">Nothing is synced until you accept.</p>
        <p className={styles.actions}>
          <button type="button" className="la-button" onClick={() => void accept(phase.plan)}>
            Accept and start syncing
          </button>
        </p>
      </div>
    );

  return (
    <div>
      {phase.kind === "idle" && phase.note ? (
        <p className="la-notice la-notice-warn" role="alert">
          {phase.note}
        </p>
      ) : null}
      {phase.kind === "done" ? (
        <p className="la-notice la-notice-info" role="status">
          {phase.message}
        </p>
      ) : null}
      <p className={styles.actions}>
        {importPending && phase.kind !== "done" ? (
          <button
            type="button"
            className="la-button"
            onClick={() => void review()}
            disabled={phase.kind === "working"}
          >
            Review the first-connection import
          </button>
        ) : (
          <button
            type="button"
            className="la-button"
            onClick={connect}
            disabled={phase.kind === "authorizing" || phase.kind === "working"}
          >
            {phase.kind === "authorizing"
              ? "Waiting for Contentstack…"
              : phase.kind === "working"
                ? phase.what
                : label}
          </button>
        )}
      </p>
      {label === "Connect" && phase.kind === "idle" && !importPending ? (
        <p className="la-muted">
          You authorize the app once for the organization; the sync then acts with that
          authorization. You will see what the first sync keeps and removes before it runs.
        </p>
      ) : null}
    </div>
  );
}
