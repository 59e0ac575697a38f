import { randomBytes } from "node:crypto";

import { CONTENTSTACK_SESSION_COOKIE, startContentstackEmulator } from "@lytics-access/emulators";
import { closeStoreRedis } from "@lytics-access/store";
import { afterAll, beforeAll, inject } from "vitest";

import type {} from "@lytics-access/redis-server/vitest-global-setup";

import { parseWebEnv } from "../../src/env";
import { createServices, type Services } from "../../src/lib/server/services";

export const APP_URL = "http://localhost:3000";
export const ACME = "blt_org_acme";
export const OLIVIA = { uid: "blt_user_olivia", email: "olivia.owner@acme.test" };
export const MIA = { uid: "blt_user_mia", email: "mia.member@acme.test" };

export interface Harness {
  svc: Services;
  csUrl: string;
  appToken(orgUid: string, userUid: string): Promise<string>;
  /** Signs the person in to the emulated Contentstack (its own session cookie). */
  contentstackSession(userUid: string): Promise<string>;
}

/**
 * The web services pointed at the Contentstack emulator at `csUrl` and at the run's Redis, on a
 * random store prefix and a fresh keyring; `env` adds or overrides settings.
 */
export function createTestServices(csUrl: string, env: Record<string, string> = {}): Services {
  return createServices(
    parseWebEnv({
      REDIS_URL: inject("redisUrl"),
      STORE_KEYRING: JSON.stringify({
        currentKeyId: "t",
        keys: { t: randomBytes(32).toString("base64") },
      }),
      STORE_KEY_PREFIX: `web${randomBytes(4).toString("hex")}`,
      APP_URL,
      CONTENTSTACK_API_URL: csUrl,
      CONTENTSTACK_APP_URL: csUrl,
      CONTENTSTACK_DEVELOPER_HUB_URL: csUrl,
      CONTENTSTACK_APP_UID: "app_lytics_access",
      CONTENTSTACK_CLIENT_ID: "lytics-access-local",
      CONTENTSTACK_CLIENT_SECRET: "local-only-client-secret-0001",
      ...env,
    }),
  );
}

/** The Contentstack emulator's control API at `csUrl`: app tokens and sign-ins. */
export function emulatorIdentity(csUrl: string): Pick<Harness, "appToken" | "contentstackSession"> {
  const post = async (path: string, body: unknown) =>
    fetch(`${csUrl}/_emulator${path}`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
    });
  return {
    async appToken(orgUid: string, userUid: string) {
      const response = await post("/app-tokens", { organization_uid: orgUid, user_uid: userUid });
      return ((await response.json()) as { app_token: string }).app_token;
    },
    async contentstackSession(userUid: string) {
      const response = await post("/sessions", { user_uid: userUid });
      return ((await response.json()) as { authtoken: string }).authtoken;
    },
  };
}

/** A Contentstack emulator on a free port and the web services pointed at it and at the run's Redis. */
export function useHarness(env: Record<string, string> = {}): Harness {
  const harness = {} as Harness;
  let close: (() => Promise<void>) | undefined;
  beforeAll(async () => {
    const emulator = await startContentstackEmulator({ port: 0 });
    const csUrl = emulator.url;
    const svc = createTestServices(csUrl, env);
    Object.assign(harness, { svc, csUrl, ...emulatorIdentity(csUrl) });
    close = async () => {
      await closeStoreRedis(svc.redis);
      await emulator.close();
    };
  });
  afterAll(async () => {
    await close?.();
  });
  return harness;
}

/** A request as the iframe's fetch sends it. */
export function appRequest(
  path: string,
  init: {
    method?: string;
    body?: unknown;
    cookie?: string;
    csrf?: string;
    origin?: string | null;
  } = {},
): Request {
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (init.origin !== null) headers.origin = init.origin ?? APP_URL;
  if (init.cookie) headers.cookie = init.cookie;
  if (init.csrf) headers["x-csrf-token"] = init.csrf;
  return new Request(`${APP_URL}${path}`, {
    method: init.method ?? "POST",
    headers,
    ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
  });
}

/** The `name=value` part of a Set-Cookie header. */
export function cookiePair(setCookie: string | null): string {
  return (setCookie ?? "").split(";")[0] ?? "";
}

/**
 * What the popup's browser does on Contentstack's side: the authorize page (signed in with the
 * emulator's session cookie), the consent form the first time, then the redirect to our callback.
 */
export async function authorizeAsBrowser(authorizeUrl: string, authtoken: string): Promise<string> {
  const cookie = `${CONTENTSTACK_SESSION_COOKIE}=${authtoken}`;
  const first = await fetch(authorizeUrl, { headers: { cookie }, redirect: "manual" });
  if (first.status === 302) return first.headers.get("location") ?? "";
  const page = await first.text();
  const consentId = /name="consent_id" value="([^"]+)"/.exec(page)?.[1];
  if (first.status !== 200 || !consentId) throw new Error(`authorize answered ${first.status}`);
  const target = new URL(authorizeUrl);
  const consent = await fetch(`${target.origin}${target.pathname}`, {
    method: "POST",
    headers: { cookie, "content-type": "application/x-www-form-urlencoded", origin: target.origin },
    body: new URLSearchParams({ consent_id: consentId, decision: "accept" }).toString(),
    redirect: "manual",
  });
  return consent.headers.get("location") ?? "";
}
