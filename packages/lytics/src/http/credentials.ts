import type { TransportCredentials } from "@lytics-access/http";

/** A fixed credential: a 401 is final. */
export function staticCredentials(headers: Readonly<Record<string, string>>): TransportCredentials {
  return {
    headers: async () => ({ ...headers }),
    afterUnauthorized: async () => false,
  };
}

/**
 * A credential read from the caller on every attempt (an OAuth client that refreshes its access
 * token). After a 401 it asks once more and reports whether the token changed.
 */
export function refreshingCredentials(
  read: () => Promise<string>,
  toHeaders: (token: string) => Record<string, string>,
): TransportCredentials {
  let lastSent: string | undefined;
  return {
    headers: async () => {
      lastSent = await read();
      return toHeaders(lastSent);
    },
    afterUnauthorized: async () => {
      const before = lastSent;
      return (await read()) !== before;
    },
  };
}
