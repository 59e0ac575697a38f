/**
 * The organization's own authorization for the background sync (DESIGN §4 "Credential"): the
 * same OAuth client and redirect URI as sign-in (the app registers one), but asked for every
 * scope the sync uses, and marked in its state so the callback knows it is a connection, not a
 * sign-in. The state is opaque to Contentstack and compared whole on the callback.
 */
export const CONNECT_SCOPES = [
  "user:read",
  "organization:read",
  "organization.logs:read",
  "lytics:manage",
] as const;

const CONNECT_STATE_PREFIX = "connect.";

export function connectState(randomState: string): string {
  return `${CONNECT_STATE_PREFIX}${randomState}`;
}

export function isConnectState(state: string): boolean {
  return state.startsWith(CONNECT_STATE_PREFIX);
}

/** The scopes the sync needs that a token response did not grant. */
export function missingScopes(granted: readonly string[]): string[] {
  return CONNECT_SCOPES.filter((scope) => !granted.includes(scope));
}
