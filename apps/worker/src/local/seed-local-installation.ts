// Local mode (`npm start`): makes the default fixture's Acme organization connected as if its
// Owner had authorized the app. The emulator has no "mint a grant" control, so this drives the
// real flow over HTTP the way a browser would: a host-shell session for the Owner (control API),
// the authorize page, the consent form, the redirect with the code, then the code exchange
// through packages/contentstack's OAuth client. Globex is left unconnected.
import { createOAuthClient } from "@lytics-access/contentstack";
import {
  createInstallationsStore,
  createSecretBox,
  createStoreRedis,
  closeStoreRedis,
} from "@lytics-access/store";

/** The local app's registration in the default fixture (packages/emulators/fixtures/default.json). */
export const LOCAL_APP = Object.freeze({
  appUid: "app_lytics_access",
  clientId: "lytics-access-local",
  clientSecret: "local-only-client-secret-0001",
  redirectUri: "http://localhost:3000/api/auth/callback",
});

export const LOCAL_ACME = Object.freeze({
  orgUid: "blt_org_acme",
  owner: { uid: "blt_user_olivia", email: "olivia.owner@acme.test", name: "Olivia Owner" },
});

export interface SeedLocalInstallationOptions {
  /** The Contentstack emulator, e.g. http://127.0.0.1:4010. */
  contentstackUrl: string;
  redisUrl: string;
  keyring: string;
  orgUid?: string;
  person?: { uid: string; email: string; name?: string };
  app?: Partial<Record<keyof typeof LOCAL_APP, string>>;
  /** Store key prefix (tests). */
  storePrefix?: string;
  /** Reconnect even if the organization is already connected. @defaultValue false */
  force?: boolean;
  /**
   * Authorize again when the organization is already connected, keeping where its import stands.
   * `npm start` sets it: the emulators start with fresh state on every start, so a grant stored by
   * the last start is unknown to them and the sync would stop as "needs reconnect" at once.
   * @defaultValue false
   */
  reauthorize?: boolean;
  /**
   * Connect it as the connect flow does a first connection: awaiting its first-connection import,
   * so nothing is synced until the import is accepted (`npm start` accepts it before the worker
   * starts). Tests that want the organization synced at once leave it false. @defaultValue false
   */
  awaitingImport?: boolean;
}

const SESSION_COOKIE = "cs_authtoken";

async function authorizeAsBrowser(authorizeUrl: string, authtoken: string): Promise<string> {
  const cookie = `${SESSION_COOKIE}=${authtoken}`;
  const first = await fetch(authorizeUrl, { headers: { cookie }, redirect: "manual" });
  if (first.status === 302) return first.headers.get("location") ?? "";
  const page = await first.text();
  const consentId = /name="consent_id" value="([^"]+)"/.exec(page)?.[1];
  if (first.status !== 200 || !consentId)
    throw new Error(`The authorize page answered ${first.status} without a consent form`);
  const target = new URL(authorizeUrl);
  const consent = await fetch(`${target.origin}${target.pathname}`, {
    method: "POST",
    headers: { cookie, "content-type": "application/x-www-form-urlencoded", origin: target.origin },
    body: new URLSearchParams({ consent_id: consentId, decision: "accept" }).toString(),
    redirect: "manual",
  });
  const location = consent.headers.get("location");
  if (consent.status !== 302 || !location) throw new Error(`Consent answered ${consent.status}`);
  return location;
}

/**
 * Connects the organization with a real OAuth token from the Contentstack emulator.
 * @returns true when a new connection was made or the organization still awaits its
 * first-connection import (a start that stopped before accepting it), false when it was connected
 * already
 */
export async function seedLocalInstallation(
  options: SeedLocalInstallationOptions,
): Promise<boolean> {
  const orgUid = options.orgUid ?? LOCAL_ACME.orgUid;
  const person = options.person ?? LOCAL_ACME.owner;
  const app = { ...LOCAL_APP, ...options.app };
  const redis = createStoreRedis(options.redisUrl, { connectionName: "seed-local" });
  try {
    const installations = createInstallationsStore({
      redis,
      secretBox: createSecretBox(options.keyring),
      ...(options.storePrefix ? { keyPrefix: options.storePrefix } : {}),
    });
    const existing = await installations.get(orgUid);
    if (existing && existing.status !== "needs-reconnect" && !options.force && !options.reauthorize)
      return existing.awaitingImport;
    // A stored, accepted connection keeps its accepted import: only its credential is renewed.
    const awaitingImport =
      existing && existing.status !== "needs-reconnect" && options.reauthorize
        ? existing.awaitingImport
        : (options.awaitingImport ?? false);

    const session = await fetch(`${options.contentstackUrl}/_emulator/sessions`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ user_uid: person.uid }),
    });
    if (!session.ok)
      throw new Error(`The emulator refused a session for ${person.uid} (${session.status})`);
    const { authtoken } = (await session.json()) as { authtoken: string };

    const oauth = createOAuthClient({
      overrides: {
        apiUrl: options.contentstackUrl,
        appUrl: options.contentstackUrl,
        developerHubUrl: options.contentstackUrl,
      },
      appUid: app.appUid,
      clientId: app.clientId,
      clientSecret: app.clientSecret,
      redirectUri: app.redirectUri,
    });
    const { state, codeVerifier } = oauth.createLoginSecrets();
    const url = await oauth.authorizationUrl({ state, codeVerifier, organizationUid: orgUid });
    const callback = oauth.parseCallback(await authorizeAsBrowser(url, authtoken), state);
    const tokens = await oauth.exchangeCode({
      code: callback.code,
      codeVerifier,
      location: callback.location,
    });
    if (!tokens.refreshToken) throw new Error("The emulator issued no refresh token");
    await installations.connect(
      {
        orgUid,
        region: tokens.region,
        connectedBy: person,
        scopes: [...tokens.scopes],
        tokens: {
          accessToken: tokens.accessToken,
          refreshToken: tokens.refreshToken,
          accessTokenExpiresAt: tokens.expiresAt,
        },
      },
      { awaitingImport },
    );
    return existing && options.reauthorize ? awaitingImport : true;
  } finally {
    await closeStoreRedis(redis);
  }
}
