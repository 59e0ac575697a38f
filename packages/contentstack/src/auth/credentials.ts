import { AuthError } from "@lytics-access/http";
import type { OAuthTokens } from "../oauth/oauth-tokens";

/** Something that trades a refresh token for fresh tokens: the OAuth client of this package. */
export interface TokenRefresher {
  refresh(refreshToken: string): Promise<OAuthTokens>;
}

/** A Contentstack user session token (the `authtoken` header). It cannot be refreshed. */
export interface AuthtokenCredentials {
  readonly kind: "authtoken";
  readonly authtoken: string;
}

/** An OAuth user token, refreshed shortly before it expires and after a 401. */
export interface OAuthCredentials {
  readonly kind: "oauth";
  readonly accessToken: string;
  /** Without one, an expired token ends in AuthError. */
  readonly refreshToken?: string | undefined;
  /** Epoch milliseconds when the access token expires. */
  readonly expiresAt: number;
  /** Performs the refresh; usually the OAuth client from `createOAuthClient`. */
  readonly refresher?: TokenRefresher | undefined;
  /** Called with every new token pair, so the caller can store it (refresh tokens rotate). */
  readonly onRefresh?: ((tokens: OAuthTokens) => void | Promise<void>) | undefined;
  /**
   * Refresh this long before `expiresAt`, so a request never leaves with a token that expires in
   * flight. @defaultValue 60000
   */
  readonly refreshSkewMs?: number | undefined;
}

export type ContentstackCredentials = AuthtokenCredentials | OAuthCredentials;

/** Supplies auth headers for each request and refreshes OAuth tokens once, for all callers. */
export interface CredentialProvider {
  headers(organizationUid: string): Promise<Record<string, string>>;
  /** After a 401: refresh if possible. Resolves true when a new token is ready. */
  recoverFromAuthFailure(failedToken: string | undefined): Promise<boolean>;
  /** The token the last `headers()` call used, to tell a stale 401 from a fresh one. */
  currentToken(): string;
}

export function createCredentialProvider(
  credentials: ContentstackCredentials,
  now: () => number = Date.now,
): CredentialProvider {
  if (credentials.kind === "authtoken") {
    return {
      headers: async () => ({ authtoken: credentials.authtoken }),
      recoverFromAuthFailure: async () => false,
      currentToken: () => credentials.authtoken,
    };
  }
  const oauth: OAuthCredentials = credentials;
  let accessToken = oauth.accessToken;
  let refreshToken = credentials.refreshToken;
  let expiresAt = credentials.expiresAt;
  const skew = credentials.refreshSkewMs ?? 60_000;
  let inFlight: Promise<void> | undefined;

  // Single flight: a long listing fires many requests, and rotating refresh tokens mean a second
  // concurrent refresh would fail with the token the first one just spent.
  function refresh(): Promise<void> {
    inFlight ??= (async () => {
      const refresher = oauth.refresher;
      if (!refresher || !refreshToken) {
        throw new AuthError(
          "The Contentstack access token expired and no refresh token or refresher was given",
          {},
        );
      }
      const tokens = await refresher.refresh(refreshToken);
      accessToken = tokens.accessToken;
      refreshToken = tokens.refreshToken ?? refreshToken;
      expiresAt = tokens.expiresAt;
      await oauth.onRefresh?.(tokens);
    })().finally(() => {
      inFlight = undefined;
    });
    return inFlight;
  }

  return {
    async headers(organizationUid: string) {
      if (now() >= expiresAt - skew) await refresh();
      // OAuth calls to organization endpoints need the organization named (api-notes Part B §2.3).
      return { authorization: `Bearer ${accessToken}`, organization_uid: organizationUid };
    },
    async recoverFromAuthFailure(failedToken: string | undefined) {
      if (!oauth.refresher || !refreshToken) return false;
      // Another request already refreshed after the same failure.
      if (failedToken !== undefined && failedToken !== accessToken) return true;
      await refresh();
      return true;
    },
    currentToken: () => accessToken,
  };
}
