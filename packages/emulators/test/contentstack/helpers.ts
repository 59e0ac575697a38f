// Test helpers: start an emulator on a free port, get credentials through the control API, and
// drive the browser-facing OAuth pages with plain fetch (manual redirects, one cookie).
import { createHash, randomBytes } from "node:crypto";

import { loadFixture } from "../../src/fixtures/load-fixture";
import {
  startContentstackEmulator,
  type ContentstackEmulatorOptions,
} from "../../src/contentstack/index";

export type Emulator = Awaited<ReturnType<typeof startContentstackEmulator>>;

export const ACME = "blt_org_acme";
export const GLOBEX = "blt_org_globex";
export const OWNER = "blt_user_olivia";
export const ADMIN = "blt_user_adam"; // Admin of Acme, Member of Globex
export const MEMBER = "blt_user_mia";
export const APP = loadFixture().app;

export async function startEmulator(options: ContentstackEmulatorOptions = {}): Promise<Emulator> {
  return startContentstackEmulator({ port: 0, ...options });
}

export async function control(
  emulator: Emulator,
  method: string,
  path: string,
  body?: unknown,
): Promise<Response> {
  return fetch(`${emulator.url}/_emulator${path}`, {
    method,
    ...(body === undefined
      ? {}
      : { headers: { "content-type": "application/json" }, body: JSON.stringify(body) }),
  });
}

export async function authtokenFor(emulator: Emulator, userUid: string): Promise<string> {
  const response = await control(emulator, "POST", "/sessions", { user_uid: userUid });
  if (response.status !== 201) throw new Error(`session for ${userUid}: ${response.status}`);
  return ((await response.json()) as { authtoken: string }).authtoken;
}

// Response bodies are checked by the assertions of each test, not by types: they stay loose here.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type LooseJson = any;

export async function cma(
  emulator: Emulator,
  path: string,
  init: {
    method?: string;
    authtoken?: string;
    bearer?: string;
    orgUid?: string;
    body?: unknown;
  } = {},
): Promise<{ status: number; body: LooseJson }> {
  const headers: Record<string, string> = {};
  if (init.authtoken) headers.authtoken = init.authtoken;
  if (init.bearer) headers.authorization = `Bearer ${init.bearer}`;
  if (init.orgUid) headers.organization_uid = init.orgUid;
  if (init.body !== undefined) headers["content-type"] = "application/json";
  const response = await fetch(`${emulator.url}${path}`, {
    method: init.method ?? "GET",
    headers,
    ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : null };
}

export function pkcePair(): { verifier: string; challenge: string } {
  const verifier = randomBytes(48).toString("base64url");
  return { verifier, challenge: createHash("sha256").update(verifier).digest("base64url") };
}

/** A browser stand-in: carries the session cookie across requests and never follows redirects. */
export class BrowserSession {
  private cookies = new Map<string, string>();

  constructor(private readonly emulator: Emulator) {}

  async request(
    pathOrUrl: string,
    init: { method?: string; form?: Record<string, string> } = {},
  ): Promise<Response> {
    const url = pathOrUrl.startsWith("http") ? pathOrUrl : `${this.emulator.url}${pathOrUrl}`;
    const headers: Record<string, string> = {};
    if (this.cookies.size > 0)
      headers.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
    if (init.form) headers["content-type"] = "application/x-www-form-urlencoded";
    const response = await fetch(url, {
      method: init.method ?? (init.form ? "POST" : "GET"),
      headers,
      redirect: "manual",
      ...(init.form ? { body: new URLSearchParams(init.form).toString() } : {}),
    });
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(";");
      const [name, ...rest] = (pair ?? "").split("=");
      if (name) this.cookies.set(name.trim(), rest.join("="));
    }
    return response;
  }

  async signInAs(userUid: string): Promise<void> {
    const response = await this.request("/login", { form: { user_uid: userUid, return_to: "/" } });
    if (response.status !== 303) throw new Error(`sign-in failed: ${response.status}`);
  }

  cookie(name: string): string | undefined {
    return this.cookies.get(name);
  }
}

export function authorizePath(params: Record<string, string>, appUid = APP.app_uid): string {
  return `/apps/${appUid}/authorize?${new URLSearchParams(params).toString()}`;
}

/** The consent form's hidden id, read from the page. */
export function consentIdOf(page: string): string {
  const match = /name="consent_id" value="([^"]+)"/.exec(page);
  if (!match?.[1]) throw new Error("no consent form on the page");
  return match[1];
}

/** Runs authorize -> (consent) -> code for a signed-in session; returns the redirect URL. */
export async function authorizeAndConsent(
  browser: BrowserSession,
  params: Record<string, string>,
): Promise<URL> {
  let response = await browser.request(authorizePath(params));
  if (response.status === 200) {
    const page = await response.text();
    response = await browser.request(`/apps/${APP.app_uid}/authorize`, {
      form: { consent_id: consentIdOf(page), decision: "accept" },
    });
  }
  const location = response.headers.get("location");
  if (response.status !== 302 || !location)
    throw new Error(`authorize did not redirect: ${response.status}`);
  return new URL(location);
}

export async function tokenRequest(
  emulator: Emulator,
  form: Record<string, string>,
  path = "/apps-api/token",
): Promise<{ status: number; body: LooseJson }> {
  const response = await fetch(`${emulator.url}${path}`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams(form).toString(),
  });
  return { status: response.status, body: await response.json() };
}

/** A PKCE user token for `userUid` in their only (or current) organization. */
export async function userToken(
  emulator: Emulator,
  userUid: string,
  extra: Record<string, string> = {},
): Promise<LooseJson> {
  const browser = new BrowserSession(emulator);
  await browser.signInAs(userUid);
  const { verifier, challenge } = pkcePair();
  const redirect = await authorizeAndConsent(browser, {
    response_type: "code",
    client_id: APP.client_id,
    redirect_uri: APP.redirect_uris[0] ?? "",
    code_challenge: challenge,
    code_challenge_method: "S256",
    ...extra,
  });
  const exchanged = await tokenRequest(emulator, {
    grant_type: "authorization_code",
    client_id: APP.client_id,
    // The app is a confidential client: PKCE comes on top of its secret, never instead of it.
    client_secret: APP.client_secret,
    code: redirect.searchParams.get("code") ?? "",
    redirect_uri: APP.redirect_uris[0] ?? "",
    code_verifier: verifier,
  });
  if (exchanged.status !== 200)
    throw new Error(`token exchange failed: ${JSON.stringify(exchanged.body)}`);
  return exchanged.body;
}
