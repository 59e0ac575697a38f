// Helpers to drive the Contentstack emulator from tests: start it on a free port, mint
// credentials, inject faults and read call logs through its `/_emulator/` control API.
import { readFileSync } from "node:fs";
import { pino } from "pino";
import {
  CONTENTSTACK_SESSION_COOKIE as SESSION_COOKIE,
  startContentstackEmulator,
} from "@lytics-access/emulators";
import {
  createRateLimiter,
  createContentstackClient,
  type ContentstackClientOptions,
} from "../../src/index";

export const ORG = "blt_org_acme";
export const OWNER = "blt_user_olivia";
export const APP = {
  appUid: "app_lytics_access",
  clientId: "lytics-access-local",
  clientSecret: "local-only-client-secret-0001",
  redirectUri: "http://localhost:3000/api/auth/callback",
};

export type Emulator = Awaited<ReturnType<typeof startContentstackEmulator>>;
export type EmulatorOptions = Parameters<typeof startContentstackEmulator>[0];

export async function startEmulator(options: EmulatorOptions = {}): Promise<Emulator> {
  return startContentstackEmulator({ port: 0, logger: false, ...options });
}

export async function control(
  emulator: Emulator,
  method: string,
  path: string,
  body?: unknown,
): Promise<unknown> {
  const response = await fetch(`${emulator.url}/_emulator${path}`, {
    method,
    headers: body === undefined ? {} : { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`control ${method} ${path} → ${response.status}: ${text}`);
  return text === "" ? undefined : (JSON.parse(text) as unknown);
}

export async function authtokenFor(emulator: Emulator, userUid: string): Promise<string> {
  const { authtoken } = (await control(emulator, "POST", "/sessions", { user_uid: userUid })) as {
    authtoken: string;
  };
  return authtoken;
}

export async function addFault(emulator: Emulator, rule: Record<string, unknown>): Promise<void> {
  await control(emulator, "POST", "/faults", rule);
}

export interface RecordedCall {
  at: number;
  key: string;
  status: number;
}

export async function calls(
  emulator: Emulator,
): Promise<{ counts: Record<string, number>; calls: RecordedCall[] }> {
  return (await control(emulator, "GET", "/calls")) as {
    counts: Record<string, number>;
    calls: RecordedCall[];
  };
}

/** Largest number of calls matching `filter` inside any window of `windowMs`. */
export function maxInWindow(recorded: readonly RecordedCall[], windowMs: number): number {
  const times = recorded.map((call) => call.at).sort((a, b) => a - b);
  let best = 0;
  for (let start = 0, end = 0; end < times.length; end++) {
    while ((times[end] ?? 0) - (times[start] ?? 0) >= windowMs) start++;
    best = Math.max(best, end - start + 1);
  }
  return best;
}

/** A client on the emulator with a private limiter and fast retries, so tests stay quick. */
export async function clientFor(
  emulator: Emulator,
  overrides: Partial<ContentstackClientOptions> = {},
) {
  const authtoken = await authtokenFor(emulator, OWNER);
  return createContentstackClient({
    overrides: { apiUrl: emulator.url, appUrl: emulator.url, developerHubUrl: emulator.url },
    organizationUid: ORG,
    credentials: { kind: "authtoken", authtoken },
    limiter: createRateLimiter(),
    logger: pino({ level: "silent" }),
    retry: { retries: 3, minDelayMs: 20, maxDelayMs: 200 },
    ...overrides,
  });
}

type FixtureJson = {
  people: unknown[];
  organizations: Array<{ uid: string; members: unknown[] }>;
} & Record<string, unknown>;

/** The default fixture with `extra` more members (accepted, Member role) in the Acme organization. */
export function fixtureWithManyMembers(extra: number): NonNullable<EmulatorOptions>["fixture"] {
  const fixture = JSON.parse(
    readFileSync(new URL("../../../emulators/fixtures/default.json", import.meta.url), "utf8"),
  ) as FixtureJson;
  const acme = fixture.organizations.find((org) => org.uid === ORG);
  for (let index = 0; index < extra; index++) {
    const uid = `blt_user_bulk_${String(index).padStart(4, "0")}`;
    const email = `bulk${index}@acme.test`;
    fixture.people.push({ uid, email, first_name: "Bulk", last_name: `Person ${index}` });
    acme?.members.push({
      uid: `blt_share_bulk_${index}`,
      email,
      user_uid: uid,
      org_roles: ["blt_role_acme_member"],
      status: "accepted",
    });
  }
  return fixture as unknown as NonNullable<EmulatorOptions>["fixture"];
}

/**
 * Walks the emulator's authorize flow the way a browser would (session cookie from the control
 * API, consent form when shown) and returns the callback URL with `code`, `state`, `location`.
 */
export async function authorizeInEmulator(
  emulator: Emulator,
  authorizationUrl: string,
  userUid: string,
): Promise<URL> {
  const cookie = `${SESSION_COOKIE}=${await authtokenFor(emulator, userUid)}`;
  let response = await fetch(authorizationUrl, { headers: { cookie }, redirect: "manual" });
  if (response.status === 200) {
    const page = await response.text();
    const consentId = /name="consent_id" value="([^"]+)"/.exec(page)?.[1];
    if (!consentId) throw new Error(`authorize page without a consent form: ${page.slice(0, 300)}`);
    response = await fetch(new URL(new URL(authorizationUrl).pathname, emulator.url), {
      method: "POST",
      headers: { cookie, "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ consent_id: consentId, decision: "accept" }),
      redirect: "manual",
    });
  }
  const location = response.headers.get("location");
  if (response.status !== 302 || !location)
    throw new Error(`authorize did not redirect: ${response.status} ${await response.text()}`);
  return new URL(location);
}
