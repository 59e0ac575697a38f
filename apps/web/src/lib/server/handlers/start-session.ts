import "server-only";

import { AppTokenError } from "@lytics-access/contentstack";
import { z } from "zod";

import { loadSession } from "../load-session";
import { badRequest, json } from "../responses";
import { sameOrigin } from "../route-guard";
import { SESSION_COOKIE, readCookie, sessionCookie } from "../session-cookie";
import type { Services } from "../services";
import { loopRefOf } from "../troubleshooting/sign-in-loop";

const bodySchema = z.strictObject({
  appToken: z.string().min(1).max(8192),
  /** `currentOrganization.uid` from the App SDK: must be the organization the token names. */
  organizationUid: z.string().min(1).max(128),
});

const SESSION_MAX_AGE_SECONDS = 12 * 60 * 60;

/** What the entry page learns about its session (never a token). */
export function sessionView(state: Awaited<ReturnType<typeof loadSession>>) {
  if (state.status === "none") return { signedIn: false };
  return {
    signedIn: state.status === "active",
    csrfToken: state.session.csrfToken,
    // Names this session's sign-in round trips for the popup (redirect-loop detection); a digest.
    loopRef: loopRefOf(state.sessionId),
    ...(state.status === "active"
      ? { person: { name: state.person.name ?? state.person.email, role: state.person.role } }
      : {}),
  };
}

/**
 * POST /api/session: the entry. The signed app token Contentstack put on the iframe URL is
 * verified here (signature, issuer, audience, lifetime) and starts the app's own session, whose
 * cookie is partitioned so it works in the cross-site iframe. An existing session of the same
 * person and organization is kept, so a reload does not ask them to sign in again.
 */
export async function startSession(svc: Services, request: Request): Promise<Response> {
  if (!sameOrigin(request, svc.env.APP_URL))
    return json(403, {
      error: "bad-origin",
      reasons: ["Requests must come from the app's pages."],
    });
  const parsed = bodySchema.safeParse(await request.json().catch(() => null));
  if (!parsed.success)
    return badRequest(
      "invalid-body",
      parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`),
    );
  let claims;
  try {
    claims = await svc.appTokens.verify(parsed.data.appToken);
  } catch (error) {
    if (error instanceof AppTokenError)
      return json(401, {
        error: "app-token",
        failure: error.failure,
        reasons: [
          "The app token from Contentstack could not be verified. Open the app again from your organization settings.",
        ],
      });
    throw error;
  }
  if (claims.organizationUid !== parsed.data.organizationUid)
    return json(403, {
      error: "organization-mismatch",
      reasons: [
        "The app token was issued for another organization than the one Contentstack shows.",
      ],
    });

  const existing = await loadSession(
    svc,
    readCookie(request.headers.get("cookie"), SESSION_COOKIE),
  );
  if (
    existing.status !== "none" &&
    existing.session.orgUid === claims.organizationUid &&
    existing.session.userUid === claims.userUid
  )
    return json(200, sessionView(existing));

  const { sessionId, session } = await svc.sessions.create({
    orgUid: claims.organizationUid,
    userUid: claims.userUid,
    region: svc.env.CONTENTSTACK_REGION,
    installationUid: claims.installationUid,
  });
  return json(200, sessionView({ status: "identified", sessionId, session }), {
    "set-cookie": sessionCookie(sessionId, SESSION_MAX_AGE_SECONDS),
  });
}
