import "server-only";

import { z } from "zod";

import { NotInOrganizationError, resolvePerson } from "../resolve-person";
import { json } from "../responses";
import { clearedSessionCookie } from "../session-cookie";
import type { Services } from "../services";

import { redeemOwnHandoff } from "./redeem-own-handoff";
import { requireSessionAndBody } from "./session-and-body";

const bodySchema = z.strictObject({ code: z.string().regex(/^[A-Za-z0-9_-]{43}$/) });

/**
 * POST /api/auth/handoff, from the iframe: redeems the one-time code the popup posted, and
 * attaches the tokens to the iframe's own (partitioned) session, but only when they belong to the
 * person and organization the app token named. Their standing is read from the organization here.
 */
export async function redeemHandoff(svc: Services, request: Request): Promise<Response> {
  const guard = await requireSessionAndBody(
    svc,
    request,
    { mutation: true, require: "identified" },
    bodySchema,
    "code: a handoff code is required",
  );
  if (!guard.ok) return guard.response;
  const { sessionId, session, body } = guard.state;

  const redeemed = await redeemOwnHandoff(svc, session, body.code, {
    invalid: "This sign-in code expired or was already used. Sign in again.",
    mismatch:
      "You signed in as another Contentstack user or organization than the one the app was opened for.",
  });
  if (!redeemed.ok) return redeemed.response;
  const { handoff } = redeemed;
  let person;
  try {
    person = await resolvePerson(svc, {
      orgUid: session.orgUid,
      userUid: session.userUid,
      accessToken: handoff.tokens.accessToken,
    });
  } catch (error) {
    if (!(error instanceof NotInOrganizationError)) throw error;
    await svc.sessions.destroy(sessionId);
    return json(
      403,
      { error: "not-in-organization", reasons: [error.reason] },
      { "set-cookie": clearedSessionCookie() },
    );
  }
  await svc.sessions.signIn(sessionId, session.version, { tokens: handoff.tokens, person });
  return json(200, {
    signedIn: true,
    person: { name: person.name ?? person.email, role: person.role },
  });
}
