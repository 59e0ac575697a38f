import "server-only";

import { CONNECT_SCOPES, connectState } from "../connect/connect-oauth";
import { loginCookie } from "../session-cookie";
import type { Services } from "../services";

const ORG_UID = /^[A-Za-z0-9_.-]{1,128}$/;

/**
 * GET /auth/connect/start, opened as a top-level popup by an Owner or Admin from the Overview:
 * like sign-in's /auth/start (state + PKCE kept in a one-time record named by the popup's own
 * cookie), but asking for every scope the sync needs, and with a state the callback recognises
 * as a connection. Who may connect is decided when the iframe redeems the result (its session).
 */
export async function startConnect(svc: Services, request: Request): Promise<Response> {
  const org = new URL(request.url).searchParams.get("org");
  const secrets = svc.oauth.createLoginSecrets();
  const state = connectState(secrets.state);
  const attemptId = await svc.oneTime.startLogin({ state, codeVerifier: secrets.codeVerifier });
  const location = await svc.oauth.authorizationUrl({
    state,
    codeVerifier: secrets.codeVerifier,
    scopes: CONNECT_SCOPES,
    ...(org && ORG_UID.test(org) ? { organizationUid: org } : {}),
  });
  return new Response(null, {
    status: 302,
    headers: { location, "set-cookie": loginCookie(attemptId, 600), "cache-control": "no-store" },
  });
}
