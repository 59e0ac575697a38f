/** The message the OAuth popup posts to the iframe (see handlers/oauth-callback.ts). */
export const HANDOFF_MESSAGE_TYPE = "la-oauth-handoff";

/**
 * The handoff code of a message, or null when the message is not ours: it must come from the
 * app's own origin (the popup on our callback page), from the popup we opened, and carry a
 * well-formed code. Anything else (the host's post-robot traffic, another site) is ignored.
 */
export function readHandoffMessage(
  event: Pick<MessageEvent, "origin" | "data" | "source">,
  appOrigin: string,
  popup: unknown,
): string | null {
  return readPopupCodeMessage(event, appOrigin, popup, HANDOFF_MESSAGE_TYPE);
}

/**
 * The code of a popup message of this type (sign-in's handoff or connect's), or null: the same
 * checks of origin, source and code for both, so neither listener takes the other's message.
 */
export function readPopupCodeMessage(
  event: Pick<MessageEvent, "origin" | "data" | "source">,
  appOrigin: string,
  popup: unknown,
  type: string,
): string | null {
  if (event.origin !== appOrigin) return null;
  if (popup !== null && popup !== undefined && event.source !== popup) return null;
  const data = event.data as { type?: unknown; code?: unknown } | null;
  if (!data || typeof data !== "object" || data.type !== type) return null;
  return typeof data.code === "string" && /^[A-Za-z0-9_-]{43}$/.test(data.code) ? data.code : null;
}
