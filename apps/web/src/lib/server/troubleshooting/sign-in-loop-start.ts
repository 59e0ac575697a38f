import "server-only";

import { createHash } from "node:crypto";

import { SIGN_IN_LOOP_MESSAGE_TYPE, SIGN_IN_LOOP_PAGE } from "../../client/sign-in-loop-message";
import { readCookie } from "../session-cookie";
import type { Services } from "../services";
import {
  LOOP_COOKIE,
  LOOP_REF,
  loopCookie,
  newLoopRef,
  signInLoopGuard,
  type LoopStatus,
} from "./sign-in-loop";

/** The loop reference of a popup request: `?ref=` from the iframe, else the popup's own cookie. */
function refOf(request: Request): string {
  const fromQuery = new URL(request.url).searchParams.get("ref");
  if (fromQuery && LOOP_REF.test(fromQuery)) return fromQuery;
  const fromCookie = readCookie(request.headers.get("cookie"), LOOP_COOKIE);
  return fromCookie && LOOP_REF.test(fromCookie) ? fromCookie : newLoopRef();
}

/** The popup's page when the loop is stopped: it tells the iframe, which shows the fix. */
function stoppedPage(svc: Services, status: LoopStatus): Response {
  const script = `(function(){if(window.opener){window.opener.postMessage({type:${JSON.stringify(
    SIGN_IN_LOOP_MESSAGE_TYPE,
  )}},${JSON.stringify(svc.env.APP_URL)});}})();`;
  const hash = createHash("sha256").update(script).digest("base64");
  const seconds = Math.round(status.windowMs / 1000);
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Sign-in stopped</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>body{font:14px/1.5 Inter,system-ui,sans-serif;color:#222;margin:48px auto;max-width:440px;padding:0 16px}h1{font-size:20px}</style>
</head><body><h1>Sign-in stopped: it was going round in circles</h1>
<p>Sign-in went to Contentstack and back ${status.limit} times within ${seconds} seconds without finishing, so it was stopped instead of trying again.</p>
<p>Close this window. The app shows the fix: clear the app's session and sign in again (<a href="${SIGN_IN_LOOP_PAGE}">what happened</a>).</p>
<script>${script}</script></body></html>`;
  return new Response(html, {
    status: 429,
    headers: {
      "content-type": "text/html; charset=utf-8",
      "cache-control": "no-store",
      "content-security-policy": `default-src 'none'; style-src 'unsafe-inline'; script-src 'sha256-${hash}'; frame-ancestors 'none'`,
    },
  });
}

/**
 * Wraps GET /auth/start: counts the round trip, refuses to start another one when the loop limit
 * is reached (the popup shows why and tells the iframe), and otherwise starts as usual with the
 * reference kept in the popup's own cookie for the callback.
 */
export async function loopGuardedStart(
  svc: Services,
  request: Request,
  start: () => Promise<Response>,
): Promise<Response> {
  const ref = refOf(request);
  const noted = await signInLoopGuard(svc).noteStart(ref);
  if (!noted.allowed) return stoppedPage(svc, noted.status);
  const response = await start();
  const headers = new Headers(response.headers);
  headers.append("set-cookie", loopCookie(ref));
  return new Response(response.body, { status: response.status, headers });
}

/** Counts a callback of the round trip the popup's cookie names (before the callback runs). */
export async function noteLoopCallback(svc: Services, request: Request): Promise<void> {
  const ref = readCookie(request.headers.get("cookie"), LOOP_COOKIE);
  if (ref && LOOP_REF.test(ref)) await signInLoopGuard(svc).noteCallback(ref);
}
