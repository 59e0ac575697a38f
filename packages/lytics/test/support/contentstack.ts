// The Contentstack side of Management API tests: a Contentstack emulator wired to a Lytics
// emulator, and real Contentstack credentials from it (an authtoken session, or OAuth user tokens
// obtained through the authorize + consent + token exchange without a browser).
import { startContentstackEmulator } from "@lytics-access/emulators";

import { createRateLimiter } from "../../src/http/rate-limiter";
import {
  createLyticsManagementClient,
  type LyticsManagementClientOptions,
  type ManagementCredentials,
} from "../../src/management/client";
import { control, FAST_RETRY, startLytics, type Emulator } from "./emulator";

export const ACME_ORG = "blt_org_acme";
export const PEOPLE = {
  owner: "blt_user_olivia",
  admin: "blt_user_adam",
  member: "blt_user_mia",
  otherMember: "blt_user_max",
  outsider: "blt_user_gina",
} as const;

const APP = {
  uid: "app_lytics_access",
  clientId: "lytics-access-local",
  clientSecret: "local-only-client-secret-0001",
  redirectUri: "http://localhost:3000/api/auth/callback",
};

export interface EmulatorPair {
  contentstack: Emulator;
  lytics: Emulator;
  close(): Promise<void>;
}

/** Both emulators on free ports, Lytics asking Contentstack who calls (no identity caching). */
export async function startPair(
  options: { rateLimitPerSecond?: number | false; now?: () => number } = {},
): Promise<EmulatorPair> {
  const contentstack = await startContentstackEmulator({
    port: 0,
    rateLimit: false,
    ...(options.now ? { now: options.now } : {}),
  });
  const lytics = await startLytics({ contentstackUrl: contentstack.url, ...options });
  return {
    contentstack,
    lytics,
    close: async () => {
      await lytics.close();
      await contentstack.close();
    },
  };
}

/** A Contentstack authtoken (user session) for a fixture person. */
export async function mintAuthtoken(csUrl: string, userUid: string): Promise<string> {
  return (
    (await control(csUrl, "POST", "/sessions", { user_uid: userUid })) as { authtoken: string }
  ).authtoken;
}

export interface OAuthTokens {
  accessToken: string;
  refreshToken: string;
}

/** Access token lifetime for tokens issued from now on. */
export const setTokenTtl = (csUrl: string, seconds: number) =>
  control(csUrl, "PUT", "/ttls", { tokenTtlSeconds: seconds });

/** OAuth user tokens for our app: authorize as the signed-in person, accept consent, exchange the code. */
export async function oauthTokens(
  csUrl: string,
  userUid: string,
  orgUid = ACME_ORG,
): Promise<OAuthTokens> {
  const cookie = `cs_authtoken=${await mintAuthtoken(csUrl, userUid)}`;
  const authorize = new URL(`/apps/${APP.uid}/authorize`, csUrl);
  for (const [name, value] of Object.entries({
    response_type: "code",
    client_id: APP.clientId,
    redirect_uri: APP.redirectUri,
    scope: "lytics:manage",
    state: "test-state",
    organization_uid: orgUid,
  })) {
    authorize.searchParams.set(name, value);
  }
  let response = await fetch(authorize, { headers: { cookie }, redirect: "manual" });
  if (response.status === 200) {
    const consentId = /name="consent_id" value="([^"]+)"/.exec(await response.text())?.[1];
    if (!consentId) throw new Error("no consent form on the authorize page");
    response = await fetch(authorize, {
      method: "POST",
      headers: { cookie, "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ consent_id: consentId, decision: "accept" }),
      redirect: "manual",
    });
  }
  const location = response.headers.get("location");
  const code = location ? new URL(location).searchParams.get("code") : null;
  if (!code)
    throw new Error(`authorize gave no code (status ${response.status}, location ${location})`);
  return tokenRequest(csUrl, {
    grant_type: "authorization_code",
    code,
    client_id: APP.clientId,
    client_secret: APP.clientSecret,
    redirect_uri: APP.redirectUri,
  });
}

/** A refresh_token grant: new access and refresh tokens (the old refresh token is spent). */
export function refreshTokens(csUrl: string, refreshToken: string): Promise<OAuthTokens> {
  return tokenRequest(csUrl, {
    grant_type: "refresh_token",
    refresh_token: refreshToken,
    client_id: APP.clientId,
    client_secret: APP.clientSecret,
  });
}

async function tokenRequest(csUrl: string, form: Record<string, string>): Promise<OAuthTokens> {
  const response = await fetch(new URL("/apps-api/token", csUrl), {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams(form),
  });
  const body = (await response.json()) as { access_token?: string; refresh_token?: string };
  if (!response.ok || !body.access_token || !body.refresh_token) {
    throw new Error(`token request failed: ${response.status} ${JSON.stringify(body)}`);
  }
  return { accessToken: body.access_token, refreshToken: body.refresh_token };
}

/** A Management API client for the Acme organization with its own limiter and fast retries. */
export function managementClient(
  lyticsUrl: string,
  credentials: ManagementCredentials,
  overrides: Partial<LyticsManagementClientOptions> = {},
) {
  return createLyticsManagementClient({
    baseUrl: lyticsUrl,
    organizationUid: ACME_ORG,
    credentials,
    retry: FAST_RETRY,
    rateLimiter: createRateLimiter(1000),
    ...overrides,
  });
}
