// Contentstack OAuth 2.0 for a marketplace app (api-notes Part B §2), on oauth4webapi: the
// authorization URL (path form, state, PKCE S256), the code exchange against the region named by
// the callback's `location`, refresh, and revocation through Developer Hub.
import * as oauth from "oauth4webapi";
import type { Logger } from "pino";
import { z } from "zod";
import {
  describeIssues,
  isInsecureLoopback,
  resolveEndpoints,
  type ContentstackEndpoints,
} from "../config/endpoints";
import { regionFromLocation, type RegionId } from "@lytics-access/http";
import { ContentstackConfigError } from "../errors/config-error";
import { OAuthError } from "../errors/oauth-error";
import { createContentstackLogger } from "../http/logger";
import { parseWire } from "../wire/parse-wire";
import { wireAuthorizationListSchema, wireTokenResponseSchema } from "../wire/wire-oauth";
import type { OAuthTokens } from "./oauth-tokens";
import { developerHubCall } from "./developer-hub-call";
import { toOAuthError } from "./to-oauth-error";
import { toOAuthTokens } from "./to-oauth-tokens";

const overridesSchema = z.object({
  apiUrl: z.string().optional(),
  appUrl: z.string().optional(),
  developerHubUrl: z.string().optional(),
  lyticsManagementUrl: z.string().optional(),
});

export const oauthClientOptionsSchema = z.object({
  /** Region used until a callback names another. @defaultValue "NA" */
  region: z.string().optional(),
  /** Base-URL overrides (the emulator). They win over any region, including the callback's. */
  overrides: overridesSchema.optional(),
  /** Developer Hub app uid (`/apps/{app_uid}/authorize`). */
  appUid: z.string().min(1, "is required"),
  clientId: z.string().min(1, "is required"),
  /** Sent on code exchange and refresh when set (confidential client); PKCE alone otherwise. */
  clientSecret: z.string().min(1).optional(),
  /** Must be one of the app's registered redirect URLs. */
  redirectUri: z.url({ error: "must be an absolute URL" }),
  /** Scopes asked when `authorizationUrl` is given none. @defaultValue [] (the app's configured set) */
  defaultScopes: z.array(z.string().min(1)).default([]),
  /** Per-call timeout. @defaultValue 10000 */
  timeoutMs: z.number().int().positive().default(10_000),
});

export type OAuthClientOptions = z.input<typeof oauthClientOptionsSchema> & {
  /** @defaultValue the package logger (warnings and up, credentials redacted) */
  logger?: Logger;
  /** Epoch milliseconds that a token's `expiresAt` counts from (tests). @defaultValue Date.now */
  now?: () => number;
};

export interface AuthorizationUrlInput {
  /** Opaque, unguessable; the caller keeps it (cookie) and checks it on the callback. */
  readonly state: string;
  /** The PKCE verifier (43-128 chars); only its S256 challenge leaves the server. */
  readonly codeVerifier: string;
  readonly scopes?: readonly string[];
  /** Preselects the organization on the consent screen. */
  readonly organizationUid?: string;
}

export interface CallbackResult {
  readonly code: string;
  readonly location: string;
  readonly region: RegionId;
}

export interface OAuthClient {
  /** Fresh random values for a login attempt. */
  createLoginSecrets(): { state: string; codeVerifier: string };
  authorizationUrl(input: AuthorizationUrlInput): Promise<string>;
  /** Reads and checks the callback URL: state, error parameters, code and `location`. */
  parseCallback(callbackUrl: string | URL, expectedState: string): CallbackResult;
  exchangeCode(input: {
    code: string;
    codeVerifier: string;
    location?: string | undefined;
  }): Promise<OAuthTokens>;
  refresh(refreshToken: string, options?: { region?: RegionId }): Promise<OAuthTokens>;
  /**
   * Revokes the person's authorization of this app for the token's organization (logout), through
   * Developer Hub. Resolves false when there was nothing left to revoke.
   */
  revoke(input: {
    accessToken: string;
    organizationUid: string;
    userUid: string;
    region?: RegionId;
  }): Promise<boolean>;
  endpointsFor(region?: RegionId): ContentstackEndpoints;
}

export function createOAuthClient(options: OAuthClientOptions): OAuthClient {
  const parsed = oauthClientOptionsSchema.safeParse(options);
  if (!parsed.success) throw new ContentstackConfigError(describeIssues(parsed.error, "oauth."));
  const config = parsed.data;
  const logger = options.logger ?? createContentstackLogger();
  const defaultEndpoints = resolveEndpoints({ region: config.region, ...config.overrides });
  const client: oauth.Client = { client_id: config.clientId };
  const clientAuth = config.clientSecret
    ? oauth.ClientSecretPost(config.clientSecret)
    : oauth.None();

  function endpointsFor(region?: RegionId): ContentstackEndpoints {
    return region === undefined
      ? defaultEndpoints
      : resolveEndpoints({ ...config.overrides, region });
  }

  function authorizationServer(endpoints: ContentstackEndpoints): oauth.AuthorizationServer {
    return {
      issuer: endpoints.appUrl,
      authorization_endpoint: `${endpoints.appUrl}/apps/${encodeURIComponent(config.appUid)}/authorize`,
      token_endpoint: `${endpoints.appUrl}/apps-api/token`,
    };
  }

  function requestOptions(endpoints: ContentstackEndpoints) {
    return {
      signal: AbortSignal.timeout(config.timeoutMs),
      // Plain http is only ever accepted for loopback emulators (see resolveEndpoints).
      [oauth.allowInsecureRequests]: isInsecureLoopback(endpoints.appUrl),
    };
  }

  async function tokenCall(
    kind: string,
    region: RegionId,
    call: () => Promise<Response>,
    process: (response: Response) => Promise<oauth.TokenEndpointResponse>,
  ) {
    let response: Response;
    try {
      response = await call();
    } catch (cause) {
      throw new OAuthError(
        `OAuth ${kind} request failed before an answer arrived: ${(cause as Error).message}`,
        { cause, operation: `POST /apps-api/token (${kind})` },
      );
    }
    try {
      const body = await process(response);
      const tokens = toOAuthTokens(
        parseWire(wireTokenResponseSchema, body, `POST /apps-api/token (${kind})`),
        region,
        (options.now ?? Date.now)(),
      );
      logger.info(
        { grant: kind, region: tokens.region, organizationUid: tokens.organizationUid },
        "contentstack oauth tokens issued",
      );
      return tokens;
    } catch (error) {
      throw toOAuthError(error, kind, response.status);
    }
  }

  return {
    endpointsFor,

    createLoginSecrets: () => ({
      state: oauth.generateRandomState(),
      codeVerifier: oauth.generateRandomCodeVerifier(),
    }),

    async authorizationUrl(input) {
      if (input.state.length < 16)
        throw new RangeError(
          "authorizationUrl: state must be at least 16 characters of randomness",
        );
      if (!/^[A-Za-z0-9\-._~]{43,128}$/.test(input.codeVerifier)) {
        throw new RangeError(
          "authorizationUrl: codeVerifier must be 43-128 unreserved characters (RFC 7636)",
        );
      }
      const url = new URL(authorizationServer(defaultEndpoints).authorization_endpoint ?? "");
      url.searchParams.set("response_type", "code");
      url.searchParams.set("client_id", config.clientId);
      url.searchParams.set("redirect_uri", config.redirectUri);
      const scopes = input.scopes ?? config.defaultScopes;
      if (scopes.length > 0) url.searchParams.set("scope", scopes.join(" "));
      url.searchParams.set("state", input.state);
      url.searchParams.set(
        "code_challenge",
        await oauth.calculatePKCECodeChallenge(input.codeVerifier),
      );
      url.searchParams.set("code_challenge_method", "S256");
      if (input.organizationUid) url.searchParams.set("organization_uid", input.organizationUid);
      return url.toString();
    },

    parseCallback(callbackUrl, expectedState) {
      const url = new URL(callbackUrl);
      let params: URLSearchParams;
      try {
        params = oauth.validateAuthResponse(
          authorizationServer(defaultEndpoints),
          client,
          url,
          expectedState,
        );
      } catch (error) {
        throw toOAuthError(error, "callback", undefined);
      }
      const code = params.get("code");
      if (!code) throw new OAuthError("The OAuth callback carries no code");
      const location = url.searchParams.get("location") ?? defaultEndpoints.region;
      let region: RegionId;
      try {
        region = regionFromLocation(location);
      } catch (cause) {
        throw new OAuthError(`The OAuth callback names an unknown location "${location}"`, {
          cause,
        });
      }
      return { code, location, region };
    },

    async exchangeCode(input) {
      const region = input.location ? regionFromLocation(input.location) : defaultEndpoints.region;
      const endpoints = endpointsFor(region);
      const as = authorizationServer(endpoints);
      // State was checked by parseCallback (or by the caller, who holds it); oauth4webapi only
      // accepts callback parameters that went through its validator.
      const callbackParameters = oauth.validateAuthResponse(
        as,
        client,
        new URLSearchParams({ code: input.code }),
        oauth.skipStateCheck,
      );
      return tokenCall(
        "authorization_code",
        region,
        () =>
          oauth.authorizationCodeGrantRequest(
            as,
            client,
            clientAuth,
            callbackParameters,
            config.redirectUri,
            input.codeVerifier,
            requestOptions(endpoints),
          ),
        (response) => oauth.processAuthorizationCodeResponse(as, client, response),
      );
    },

    async refresh(refreshToken, refreshOptions = {}) {
      const region = refreshOptions.region ?? defaultEndpoints.region;
      const endpoints = endpointsFor(region);
      const as = authorizationServer(endpoints);
      return tokenCall(
        "refresh_token",
        region,
        () =>
          oauth.refreshTokenGrantRequest(as, client, clientAuth, refreshToken, {
            ...requestOptions(endpoints),
            // The documented refresh body carries redirect_uri (api-notes Part B §2.3).
            additionalParameters: { redirect_uri: config.redirectUri },
          }),
        (response) => oauth.processRefreshTokenResponse(as, client, response),
      );
    },

    async revoke(input) {
      const endpoints = endpointsFor(input.region);
      const base = `${endpoints.developerHubUrl}/manifests/${encodeURIComponent(config.appUid)}/authorizations`;
      const headers = {
        authorization: `Bearer ${input.accessToken}`,
        organization_uid: input.organizationUid,
        accept: "application/json",
      };
      const listing = await developerHubCall(base, "GET", headers, config.timeoutMs);
      if (listing.status === 401) return false;
      const list = parseWire(
        wireAuthorizationListSchema,
        listing.body,
        "GET /manifests/{app_uid}/authorizations",
      );
      const mine = list.data.filter((entry) => entry.user?.uid === input.userUid);
      // A 404 means someone revoked it meanwhile, which is the outcome we wanted.
      for (const entry of mine) {
        await developerHubCall(
          `${base}/${encodeURIComponent(entry.authorization_uid)}`,
          "DELETE",
          headers,
          config.timeoutMs,
        );
      }
      logger.info(
        { organizationUid: input.organizationUid, revoked: mine.length },
        "contentstack oauth authorization revoked",
      );
      return mine.length > 0;
    },
  };
}
