// An organization's OAuth access token for every client of one run. Tokens live encrypted in the
// store and are decrypted only here, in memory. A refresh goes through packages/contentstack's
// OAuth client and is saved with compare-and-set on the stored version: refresh tokens rotate, so
// when two replicas refresh at once the loser re-reads the winner's tokens instead of spending a
// refresh token that no longer works.
import type {
  OAuthClient,
  OAuthTokens as ContentstackTokens,
  RegionId,
} from "@lytics-access/contentstack";
import type { InstallationsStore, VersionedTokens } from "@lytics-access/store";
import { StaleWriteError } from "@lytics-access/store";
import type { Logger } from "pino";

import { CredentialLostError } from "./credential-lost-error";

/** Refresh this long before expiry, so no request leaves with a token that expires in flight. */
const REFRESH_SKEW_MS = 60_000;

export interface OrgTokenSource {
  /** A valid access token, refreshed first when it is about to expire. */
  accessToken(): Promise<string>;
  /** After a 401: a different token if one can be had (another replica's or a fresh refresh). */
  refreshAfter(failedToken: string): Promise<ContentstackTokens>;
  /** The tokens as the Contentstack client wants them at start. */
  current(): Promise<VersionedTokens>;
}

export interface OrgTokenSourceOptions {
  orgUid: string;
  region: string;
  installations: InstallationsStore;
  oauth: OAuthClient;
  logger: Logger;
  now?: () => number;
}

/** The token endpoint refused the refresh token itself (RFC 6749 `invalid_grant`). */
export function isInvalidGrant(error: unknown): boolean {
  if (!(error instanceof Error) || (error as { code?: unknown }).code !== "OAUTH_FAILED")
    return false;
  const details = error as { apiCode?: unknown; apiErrorCode?: unknown };
  return (
    details.apiCode === "invalid_grant" ||
    details.apiErrorCode === "invalid_grant" ||
    /invalid_grant/.test(error.message)
  );
}

export function createOrgTokenSource(options: OrgTokenSourceOptions): OrgTokenSource {
  const now = options.now ?? Date.now;
  let held: VersionedTokens | undefined;
  let inFlight: Promise<VersionedTokens> | undefined;

  async function read(): Promise<VersionedTokens> {
    try {
      return await options.installations.readTokens(options.orgUid);
    } catch (cause) {
      if ((cause as { code?: string }).code === "STORE_NOT_FOUND") {
        throw new CredentialLostError(
          options.orgUid,
          "no-tokens",
          "The organization has no stored tokens",
          { cause },
        );
      }
      throw cause;
    }
  }

  const fresh = (tokens: VersionedTokens) => tokens.accessTokenExpiresAt - REFRESH_SKEW_MS > now();

  async function refresh(failedToken: string | undefined): Promise<VersionedTokens> {
    const stored = await read();
    // Someone else refreshed already: use theirs.
    if (stored.accessToken !== failedToken && fresh(stored)) return stored;
    let tokens: ContentstackTokens;
    try {
      tokens = await options.oauth.refresh(stored.refreshToken, {
        region: options.region as RegionId,
      });
    } catch (error) {
      if (isInvalidGrant(error)) {
        const again = await read();
        if (again.version !== stored.version && fresh(again)) return again;
        throw new CredentialLostError(
          options.orgUid,
          "refresh-refused",
          "Contentstack refused to refresh the organization's token (invalid_grant): the authorization was revoked or its owner left",
          { cause: error },
        );
      }
      throw error;
    }
    const next = {
      accessToken: tokens.accessToken,
      refreshToken: tokens.refreshToken ?? stored.refreshToken,
      accessTokenExpiresAt: tokens.expiresAt,
    };
    try {
      const version = await options.installations.saveTokens(options.orgUid, next, {
        expectedVersion: stored.version,
      });
      options.logger.info({ orgUid: options.orgUid, version }, "organization token refreshed");
      return { ...next, version, savedAt: now() };
    } catch (error) {
      if (error instanceof StaleWriteError) return read();
      throw error;
    }
  }

  function singleFlight(failedToken: string | undefined): Promise<VersionedTokens> {
    inFlight ??= refresh(failedToken)
      .then((tokens) => (held = tokens))
      .finally(() => {
        inFlight = undefined;
      });
    return inFlight;
  }

  async function current(): Promise<VersionedTokens> {
    held ??= await read();
    if (!fresh(held)) held = await singleFlight(held.accessToken);
    return held;
  }

  return {
    current,
    accessToken: async () => (await current()).accessToken,
    async refreshAfter(failedToken) {
      const tokens = await singleFlight(failedToken);
      return {
        accessToken: tokens.accessToken,
        refreshToken: tokens.refreshToken,
        expiresAt: tokens.accessTokenExpiresAt,
        tokenType: "bearer",
        scopes: [],
        region: options.region as RegionId,
        organizationUid: options.orgUid,
        userUid: undefined,
        authorizationType: "user",
      };
    },
  };
}
