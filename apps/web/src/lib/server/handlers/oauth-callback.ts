import "server-only";

import { createHash } from "node:crypto";

import { LOGIN_COOKIE, clearedLoginCookie, readCookie } from "../session-cookie";
import type { Services } from "../services";

import { CONNECT_MESSAGE_TYPE } from "../../client/connect-message";
import { HANDOFF_MESSAGE_TYPE as HANDOFF_MESSAGE } from "../../client/handoff-message";
import { isConnectState, missingScopes } from "../connect/connect-oauth";

const escapeHtml = (value: string) => value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function page(status: number, title: string, body: string, script?: string): Response {
  const scriptHash = script
    ? `'sha256-${createHash("sha256").update(script).digest("base64")}'`
    : "'none'";
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>body{font:14px/1.5 Inter,system-ui,sans-serif;color:#222;margin:48px auto;max-width:420px;padding:0 16px}h1{font-size:20px}</style>
</head><body><h1>${escapeHtml(title)}</h1>${body}${script ? `<script>${script}</script>` : ""}</body></html>`;
  return new Response(html, {
    status,
    headers: {
      "content-type": "text/html; charset=utf-8",
      "cache-control": "no-store",
      "set-cookie": clearedLoginCookie(),
      // Nothing may frame this page, and only its own script runs.
      "content-security-policy": `default-src 'none'; style-src 'unsafe-inline'; script-src ${scriptHash}; frame-ancestors 'none'`,
    },
  });
}

function failed(reason: string, connecting = false): Response {
  return page(
    400,
    connecting ? "Connecting did not complete" : "Sign-in did not complete",
    `<p>${escapeHtml(reason)}</p><p>Close this window and choose <strong>${connecting ? "Connect" : "Sign in with Contentstack"}</strong> in the app again.</p>`,
  );
}

/**
 * GET /api/auth/callback (the registered redirect URI), in the popup. The attempt is taken once
 * (a replayed callback finds nothing), the state is compared, and the code is exchanged with the
 * PKCE verifier on the server. The tokens go into a one-time handoff record, encrypted; the page
 * gives the iframe only the handoff code, by postMessage to the app's own origin, and closes.
 * A connection for the background sync (its state says so, see connect/connect-oauth.ts) comes
 * back the same way under its own message type, once the sync's scopes and a refresh token are
 * confirmed; the iframe's POST /api/connection decides who may connect.
 */
export async function oauthCallback(svc: Services, request: Request): Promise<Response> {
  const attemptId = readCookie(request.headers.get("cookie"), LOGIN_COOKIE);
  const attempt = attemptId ? await svc.oneTime.takeLogin(attemptId) : null;
  if (!attempt) return failed("This sign-in has expired or was already used.");
  const connecting = isConnectState(attempt.state);

  let tokens;
  try {
    const callback = svc.oauth.parseCallback(request.url, attempt.state);
    tokens = await svc.oauth.exchangeCode({
      code: callback.code,
      codeVerifier: attempt.codeVerifier,
      location: callback.location,
    });
  } catch (error) {
    console.warn(`[web] oauth callback refused: ${(error as Error).name}`);
    return failed(
      "Contentstack did not confirm this sign-in (the request did not match).",
      connecting,
    );
  }
  const { organizationUid } = tokens;
  let { userUid } = tokens;
  if (!userUid && organizationUid)
    userUid = (await svc.contentstackAs(organizationUid, tokens.accessToken).getUser()).uid;
  if (!organizationUid || !userUid)
    return failed("Contentstack did not say which organization this sign-in is for.", connecting);
  if (connecting) {
    const missing = missingScopes(tokens.scopes);
    if (missing.length > 0)
      return failed(
        `The authorization did not grant what the sync needs (${missing.join(", ")}).`,
        true,
      );
    if (!tokens.refreshToken)
      return failed(
        "Contentstack issued no refresh token, so the sync could not keep working.",
        true,
      );
  }

  const code = await svc.oneTime.issueHandoff({
    orgUid: organizationUid,
    userUid,
    tokens: {
      accessToken: tokens.accessToken,
      ...(tokens.refreshToken ? { refreshToken: tokens.refreshToken } : {}),
      expiresAt: tokens.expiresAt,
      region: tokens.region,
    },
  });
  // The script is constant (the code travels in a data attribute) so its CSP hash is too.
  const script = `(function(){var el=document.getElementById("handoff");var target=${JSON.stringify(
    svc.env.APP_URL,
  )};if(window.opener){window.opener.postMessage({type:${JSON.stringify(
    connecting ? CONNECT_MESSAGE_TYPE : HANDOFF_MESSAGE,
  )},code:el.getAttribute("data-code")},target);setTimeout(function(){window.close()},50);}else{el.textContent="Open the app from Contentstack and sign in from there.";}})();`;
  return page(
    200,
    connecting ? "Authorized" : "Signed in",
    `<p id="handoff" data-code="${escapeHtml(code)}">${
      connecting
        ? "The organization is authorized for the sync. This window closes by itself."
        : "You are signed in. This window closes by itself."
    }</p>`,
    script,
  );
}
