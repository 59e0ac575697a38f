import { readPopupCodeMessage } from "./handoff-message";

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
  return readPopupCodeMessage(event, appOrigin, popup, CONNECT_MESSAGE_TYPE);
}
