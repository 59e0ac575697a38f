import "server-only";

import { ApiError, AuthError, OAuthError } from "@lytics-access/contentstack";
import type { Session, SessionPerson, SessionTokens } from "@lytics-access/store";

import { NotInOrganizationError, resolvePerson } from "./resolve-person";
import type { Services } from "./services";

/** Where a request's session stands. */
export type SessionState =
  | { readonly status: "none"; readonly reason: "no-cookie" | "unknown" | "ended" }
  /** Opened from Contentstack (app token verified), not signed in with OAuth yet. */
  | { readonly status: "identified"; readonly sessionId: string; readonly session: Session }
  | {
      readonly status: "active";
      readonly sessionId: string;
      readonly session: Session;
      readonly person: SessionPerson;
      /** Server-side only: never serialise into a response. */
      readonly tokens: SessionTokens;
    };

const REFRESH_SKEW_MS = 60_000;
const LOCK_TTL_MS = 15_000;

/** Contentstack refused the credential (a 4xx), as opposed to being unreachable. */
function authFailure(error: unknown): boolean {
  if (error instanceof AuthError) return true;
  return (
    error instanceof OAuthError &&
    error.status !== undefined &&
    error.status >= 400 &&
    error.status < 500
  );
}

/**
 * Loads the session named by the cookie and keeps it honest (DESIGN §5, "sessions follow
 * Contentstack's"): an access token about to expire is refreshed here, on the server, without the
 * person noticing; a refresh Contentstack refuses ends the session; and every `recheckMs` the
 * person's standing is read again, so someone removed from the organization loses the session.
 * A transient failure (network, 5xx) keeps the session and the last known standing.
 */
export async function loadSession(
  svc: Services,
  sessionId: string | undefined,
  now: () => number = Date.now,
): Promise<SessionState> {
  if (!sessionId) return { status: "none", reason: "no-cookie" };
  let session = await svc.sessions.get(sessionId);
  if (!session) return { status: "none", reason: "unknown" };
  if (!session.person) return { status: "identified", sessionId, session };

  let tokens = await svc.sessions.readTokens(sessionId);
  if (!tokens) return { status: "identified", sessionId, session };

  const end = async (): Promise<SessionState> => {
    await svc.sessions.destroy(sessionId);
    return { status: "none", reason: "ended" };
  };

  if (tokens.expiresAt - REFRESH_SKEW_MS <= now()) {
    const refreshed = await refreshTokens(svc, sessionId, session, tokens);
    if (refreshed === "ended") return end();
    ({ session, tokens } = refreshed);
  }

  let person = session.person;
  if (!person) return { status: "identified", sessionId, session };
  if (now() - person.checkedAt >= svc.env.SESSION_RECHECK_MS) {
    try {
      person = await resolvePerson(svc, {
        orgUid: session.orgUid,
        userUid: session.userUid,
        accessToken: tokens.accessToken,
      });
      session = await svc.sessions.updatePerson(sessionId, session.version, person);
    } catch (error) {
      if (error instanceof NotInOrganizationError || authFailure(error)) return end();
      if (!(error instanceof ApiError) && !isStaleWrite(error)) throw error;
      // Contentstack unreachable or a concurrent write: keep the last known standing.
    }
  }
  return { status: "active", sessionId, session, person, tokens };
}

function isStaleWrite(error: unknown): boolean {
  return (error as { code?: string } | null)?.code === "STORE_STALE_WRITE";
}

async function refreshTokens(
  svc: Services,
  sessionId: string,
  session: Session,
  tokens: SessionTokens,
): Promise<"ended" | { session: Session; tokens: SessionTokens }> {
  if (!tokens.refreshToken) return "ended";
  if (!(await svc.sessions.tryLockRefresh(sessionId, LOCK_TTL_MS))) {
    // Another request is refreshing: wait for its result rather than spend the rotating token.
    for (let attempt = 0; attempt < 50; attempt += 1) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      const current = await svc.sessions.get(sessionId);
      if (!current) return "ended";
      if (current.version !== session.version) {
        const fresh = await svc.sessions.readTokens(sessionId);
        if (fresh) return { session: current, tokens: fresh };
      }
    }
    throw new Error("session token refresh did not finish in time");
  }
  try {
    let fresh;
    try {
      fresh = await svc.oauth.refresh(tokens.refreshToken);
    } catch (error) {
      if (authFailure(error)) return "ended";
      throw error;
    }
    const next: SessionTokens = {
      accessToken: fresh.accessToken,
      refreshToken: fresh.refreshToken ?? tokens.refreshToken,
      expiresAt: fresh.expiresAt,
      region: fresh.region,
    };
    const saved = await svc.sessions.saveTokens(sessionId, session.version, next);
    return { session: saved, tokens: next };
  } finally {
    await svc.sessions.unlockRefresh(sessionId);
  }
}
