import "server-only";

import { loginCookie } from "../session-cookie";
import type { Services } from "../services";

const ORG_UID = /^[A-Za-z0-9_.-]{1,128}$/;

/**
 * GET /auth/start, opened as a top-level popup from the iframe: a partitioned cookie set in the
 * iframe is invisible here, so the attempt (state + PKCE verifier, kept in Redis) is named by the
 * popup's own first-party cookie, and the browser goes to Contentstack's authorize page. The
 * redirect target is built from configuration only: nothing from the query is echoed into it
 * except a checked organization uid.
 */
export async function startOAuth(svc: Services, request: Request): Promise<Response> {
  const org = new URL(request.url).searchParams.get("org");
  const { state, codeVerifier } = svc.oauth.createLoginSecrets();
  const attemptId = await svc.oneTime.startLogin({ state, codeVerifier });
  const location = await svc.oauth.authorizationUrl({
    state,
    codeVerifier,
    ...(org && ORG_UID.test(org) ? { organizationUid: org } : {}),
  });
  return new Response(null, {
    status: 302,
    headers: {
      location,
      "set-cookie": loginCookie(attemptId, 600),
      "cache-control": "no-store",
    },
  });
}
