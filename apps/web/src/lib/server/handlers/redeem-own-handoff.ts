import "server-only";

import { json } from "../responses";
import type { Services } from "../services";

type Handoff = NonNullable<Awaited<ReturnType<Services["oneTime"]["redeemHandoff"]>>>;

/** What the person is told, in the words of the flow they are in (sign-in or connect). */
export interface HandoffRefusals {
  /** The code is unknown, expired or already used. */
  readonly invalid: string;
  /** The tokens are another person's, or for another organization, than the session's. */
  readonly mismatch: string;
}

/**
 * Redeems the one-time code the OAuth popup posted, and keeps its tokens only when they belong to
 * the person and organization of the session asking: a code is used once, and one person's tokens
 * are never attached to another's session (400 `handoff-invalid`, 403 `identity-mismatch`).
 */
export async function redeemOwnHandoff(
  svc: Services,
  session: { readonly orgUid: string; readonly userUid: string },
  code: string,
  refusals: HandoffRefusals,
): Promise<{ ok: true; handoff: Handoff } | { ok: false; response: Response }> {
  const handoff = await svc.oneTime.redeemHandoff(code);
  if (!handoff)
    return {
      ok: false,
      response: json(400, { error: "handoff-invalid", reasons: [refusals.invalid] }),
    };
  if (handoff.orgUid !== session.orgUid || handoff.userUid !== session.userUid)
    return {
      ok: false,
      response: json(403, { error: "identity-mismatch", reasons: [refusals.mismatch] }),
    };
  return { ok: true, handoff };
}
