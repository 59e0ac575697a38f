"use client";

import { useCallback, useEffect, useRef, useState } from "react";

import { readHandoffMessage } from "@/lib/client/handoff-message";
import { SIGN_IN_LOOP_PAGE, isSignInLoopMessage } from "@/lib/client/sign-in-loop-message";

type Phase =
  | { kind: "starting" }
  | { kind: "outside"; why: string }
  | { kind: "error"; message: string }
  | {
      kind: "sign-in";
      csrfToken: string;
      orgUid: string;
      orgName: string;
      userName: string;
      note?: string;
    }
  | { kind: "signing-in"; csrfToken: string; orgUid: string; orgName: string; userName: string }
  | { kind: "ready" };

interface Props {
  appUrl: string;
  /** The emulated Contentstack in local mode, for the way in. */
  contentstackUrl: string | null;
  localMode: boolean;
}

const INIT_TIMEOUT_MS = 8000;

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("timeout")), ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}

async function postJson(url: string, body: unknown, csrfToken?: string) {
  const response = await fetch(url, {
    method: "POST",
    credentials: "same-origin",
    headers: {
      "content-type": "application/json",
      ...(csrfToken ? { "x-csrf-token": csrfToken } : {}),
    },
    body: JSON.stringify(body),
  });
  const data = (await response.json().catch(() => ({}))) as Record<string, unknown>;
  return { ok: response.ok, status: response.status, data };
}

function reasonOf(data: Record<string, unknown>, fallback: string): string {
  const reasons = data.reasons;
  return Array.isArray(reasons) && typeof reasons[0] === "string" ? reasons[0] : fallback;
}

/**
 * The entry: App SDK `init()` (the host answers over post-robot), the signed app token from the
 * iframe URL verified by the server to start the session, then OAuth sign-in in a popup whose
 * result comes back by postMessage from our own origin only.
 */
export function EntryClient({ appUrl, contentstackUrl, localMode }: Props) {
  const [phase, setPhase] = useState<Phase>({ kind: "starting" });
  const popupRef = useRef<Window | null>(null);
  const loopRef = useRef("");
  const started = useRef(false);

  useEffect(() => {
    if (started.current) return;
    started.current = true;
    void (async () => {
      const params = new URLSearchParams(window.location.search);
      const appToken = params.get("app-token");
      if (appToken) {
        // The token is single-purpose: keep it out of history and of anything that reads the URL.
        params.delete("app-token");
        const query = params.toString();
        window.history.replaceState(
          null,
          "",
          `${window.location.pathname}${query ? `?${query}` : ""}`,
        );
      }
      if (window.parent === window) {
        setPhase({
          kind: "outside",
          why: "This page was opened on its own, not inside Contentstack.",
        });
        return;
      }
      let orgUid: string;
      let orgName: string;
      let userName: string;
      try {
        const { default: ContentstackAppSDK } = await import("@contentstack/app-sdk");
        const sdk = await withTimeout(ContentstackAppSDK.init(), INIT_TIMEOUT_MS);
        const org = sdk.location.GlobalFullPageLocation?.currentOrganization;
        if (!org) throw new Error("not the organization-level location");
        orgUid = org.uid;
        orgName = org.name;
        const user = sdk.currentUser;
        userName = [user.first_name, user.last_name].filter(Boolean).join(" ") || user.email;
      } catch {
        setPhase({
          kind: "outside",
          why: "Contentstack did not answer: the page is not inside its organization settings.",
        });
        return;
      }
      if (!appToken) {
        setPhase({
          kind: "error",
          message:
            "Contentstack did not pass a signed app token. Reload the page from the organization settings.",
        });
        return;
      }
      const started = await postJson("/api/session", { appToken, organizationUid: orgUid });
      if (!started.ok) {
        setPhase({
          kind: "error",
          message: reasonOf(started.data, "The session could not be started."),
        });
        return;
      }
      if (typeof started.data.loopRef === "string") loopRef.current = started.data.loopRef;
      if (started.data.signedIn === true) {
        window.location.replace("/overview");
        return;
      }
      setPhase({
        kind: "sign-in",
        csrfToken: String(started.data.csrfToken),
        orgUid,
        orgName,
        userName,
      });
    })();
  }, []);

  const onMessage = useCallback(
    (event: MessageEvent) => {
      if (isSignInLoopMessage(event, appUrl, popupRef.current)) {
        window.location.replace(SIGN_IN_LOOP_PAGE);
        return;
      }
      if (phase.kind !== "signing-in") return;
      const code = readHandoffMessage(event, appUrl, popupRef.current);
      if (code === null) return;
      void (async () => {
        const result = await postJson("/api/auth/handoff", { code }, phase.csrfToken);
        if (result.ok) {
          window.location.replace("/overview");
          return;
        }
        setPhase({
          ...phase,
          kind: "sign-in",
          note: reasonOf(result.data, "Sign-in did not complete."),
        });
      })();
    },
    [appUrl, phase],
  );

  useEffect(() => {
    window.addEventListener("message", onMessage);
    return () => window.removeEventListener("message", onMessage);
  }, [onMessage]);

  if (phase.kind === "starting")
    return (
      <main className="la-center" aria-busy="true">
        <div className="la-spinner" role="status" aria-label="Connecting to Contentstack" />
      </main>
    );

  if (phase.kind === "outside")
    return (
      <main className="la-center">
        <h1>Open this app from Contentstack</h1>
        <p>{phase.why}</p>
        <p>
          Data &amp; Insights access lives in your Contentstack organization: open{" "}
          <strong>Organization settings</strong> and choose <strong>lytics-access</strong> there. It
          signs you in with your Contentstack account; there is no separate password.
        </p>
        {localMode && contentstackUrl ? (
          <p>
            <a className="la-button" href={contentstackUrl}>
              Open the local Contentstack
            </a>
          </p>
        ) : null}
      </main>
    );

  if (phase.kind === "error")
    return (
      <main className="la-center">
        <h1>Something is in the way</h1>
        <p className="la-notice la-notice-bad" role="alert">
          {phase.message}
        </p>
      </main>
    );

  if (phase.kind === "ready") return null;

  const signIn = () => {
    const popup = window.open(
      `/auth/start?org=${encodeURIComponent(phase.orgUid)}${loopRef.current ? `&ref=${loopRef.current}` : ""}`,
      "la-sign-in",
      "popup,width=520,height=720",
    );
    if (!popup) {
      setPhase({
        ...phase,
        kind: "sign-in",
        note: "Your browser blocked the sign-in window. Allow pop-ups for this page and try again.",
      });
      return;
    }
    popupRef.current = popup;
    setPhase({
      kind: "signing-in",
      csrfToken: phase.csrfToken,
      orgUid: phase.orgUid,
      orgName: phase.orgName,
      userName: phase.userName,
    });
  };

  return (
    <main className="la-center">
      <h1>Data &amp; Insights access</h1>
      <p>
        Hello {phase.userName}. Sign in with your Contentstack account to see how {phase.orgName}
        &apos;s Data &amp; Insights access is kept in line with its members. The first time,
        Contentstack asks you to authorize the app.
      </p>
      {phase.kind === "sign-in" && phase.note ? (
        <p className="la-notice la-notice-warn" role="alert">
          {phase.note}
        </p>
      ) : null}
      <p>
        <button
          type="button"
          className="la-button"
          onClick={signIn}
          disabled={phase.kind === "signing-in"}
        >
          {phase.kind === "signing-in" ? "Waiting for Contentstack…" : "Sign in with Contentstack"}
        </button>
      </p>
      <p className="la-muted">No password is asked here: Contentstack signs you in.</p>
    </main>
  );
}
