/** The message the popup posts to the iframe when a sign-in loop was stopped (see sign-in-loop-start.ts). */
export const SIGN_IN_LOOP_MESSAGE_TYPE = "la-oauth-loop-stopped";

/** Where the iframe goes when the popup says the loop was stopped. */
export const SIGN_IN_LOOP_PAGE = "/troubleshooting/redirect-loop";

/** True for our popup's "loop stopped" message: our origin, the popup we opened, our type. */
export function isSignInLoopMessage(
  event: Pick<MessageEvent, "origin" | "data" | "source">,
  appOrigin: string,
  popup: unknown,
): boolean {
  if (event.origin !== appOrigin) return false;
  if (popup !== null && popup !== undefined && event.source !== popup) return false;
  const data = event.data as { type?: unknown } | null;
  return !!data && typeof data === "object" && data.type === SIGN_IN_LOOP_MESSAGE_TYPE;
}
