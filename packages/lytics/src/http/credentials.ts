/** Supplies the credential headers for each attempt, so a refreshed token is used at once. */
export interface CredentialSource {
  /** The headers carrying the credential for one attempt. */
  headers(): Promise<Record<string, string>>;
  /**
   * Called after a 401. True when a different credential is now available, so that one more
   * attempt is worth making; false when the credential cannot change.
   */
  refreshAfterUnauthorized(): Promise<boolean>;
}

/** A fixed credential: a 401 is final. */
export function staticCredentials(headers: Readonly<Record<string, string>>): CredentialSource {
  return {
    headers: async () => ({ ...headers }),
    refreshAfterUnauthorized: async () => false,
  };
}

/**
 * A credential read from the caller on every attempt (an OAuth client that refreshes its access
 * token). After a 401 it asks once more and reports whether the token changed.
 */
export function refreshingCredentials(
  read: () => Promise<string>,
  toHeaders: (token: string) => Record<string, string>,
): CredentialSource {
  let lastSent: string | undefined;
  return {
    headers: async () => {
      lastSent = await read();
      return toHeaders(lastSent);
    },
    refreshAfterUnauthorized: async () => {
      const before = lastSent;
      return (await read()) !== before;
    },
  };
}
