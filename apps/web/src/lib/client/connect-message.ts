/**
 * The message the connect popup posts to the iframe (handlers/oauth-callback.ts, connect branch).
 * A different type from sign-in's, so the sign-in listener never takes a connect code and the
 * other way round.
 */
export const CONNECT_MESSAGE_TYPE = "la-oauth-connect";

/** The connect code of a message from our own origin and our own popup, or null. */
export function readConnectMessage(
  event: Pick<MessageEvent, "origin" | "data" | "source">,
  appOrigin: string,
  popup: unknown,
): string | null {
  if (event.origin !== appOrigin) return null;
  if (popup !== null && popup !== undefined && event.source !== popup) return null;
  const data = event.data as { type?: unknown; code?: unknown } | null;
  if (!data || typeof data !== "object" || data.type !== CONNECT_MESSAGE_TYPE) return null;
  return typeof data.code === "string" && /^[A-Za-z0-9_-]{43}$/.test(data.code) ? data.code : null;
}
