// Test plumbing for the Lytics emulator: start it on a free port, drive its `/_emulator/` control
// API (faults, call counts, staged changes) and build clients that retry fast.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";

import { startLyticsEmulator } from "@lytics-access/emulators";
import { expect } from "vitest";

import { createRateLimiter } from "../../src/http/rate-limiter";
import { createLyticsUserClient, type LyticsUserClientOptions } from "../../src/users/client";

export const ACME_WEB = {
  aid: 1001,
  accountId: "ac000000000000000000000000001001",
  projectUid: "66ac00000000000000001001",
  token: "at.acme-web.local-token-0001",
};
export const ACME_CAMPAIGNS = {
  aid: 1002,
  accountId: "ac000000000000000000000000001002",
  projectUid: "66ac00000000000000001002",
  token: "at.acme-campaigns.local-token-0002",
};

/** Quick backoff so retry tests take milliseconds, not seconds. */
export const FAST_RETRY = { retries: 3, minDelayMs: 5, maxDelayMs: 20 };

export interface Emulator {
  url: string;
  close(): Promise<void>;
}

/** A Lytics emulator on a free port; Contentstack is only needed by the Management API. */
export async function startLytics(
  options: {
    contentstackUrl?: string;
    rateLimitPerSecond?: number | false;
    /** The emulator's clock (a test's virtual time). @defaultValue Date.now */
    now?: () => number;
  } = {},
): Promise<Emulator> {
  return startLyticsEmulator({
    port: 0,
    // Nothing listens on port 9: v2-only tests never reach Contentstack.
    contentstackUrl: options.contentstackUrl ?? "http://127.0.0.1:9",
    rateLimitPerSecond: options.rateLimitPerSecond ?? false,
    // Zero so that an expired or rotated Contentstack token is seen on the very next call.
    identityCacheMs: 0,
    ...(options.now ? { now: options.now } : {}),
  });
}

export async function control(
  url: string,
  method: string,
  path: string,
  body?: unknown,
): Promise<unknown> {
  const response = await fetch(`${url}/_emulator${path}`, {
    method,
    headers: body === undefined ? {} : { "content-type": "application/json" },
    body: body === undefined ? null : JSON.stringify(body),
  });
  if (!response.ok)
    throw new Error(`control ${method} ${path}: ${response.status} ${await response.text()}`);
  const text = await response.text();
  return text ? (JSON.parse(text) as unknown) : undefined;
}

/** Back to the fixture; clears faults and counts. */
export const resetEmulator = (url: string) => control(url, "POST", "/reset");

/** A fault as the emulators' control API takes it (packages/emulators/src/shared/fault.ts). */
export type Fault =
  | { kind: "status"; status: number; body?: unknown }
  | { kind: "latency"; ms: number }
  | { kind: "drop" }
  | { kind: "truncate" }
  | { kind: "empty" };

export const injectFault = (
  url: string,
  rule: { route: string; method?: string; after?: number; times?: number; fault: Fault },
) => control(url, "POST", "/faults", rule);

export interface CallLog {
  counts: Record<string, number>;
  calls: Array<{ at: number; key: string; status: number }>;
}

export const callLog = async (url: string) => (await control(url, "GET", "/calls")) as CallLog;

/** How many calls the emulator saw for `METHOD /route/:pattern`. */
export async function countOf(url: string, key: string): Promise<number> {
  return (await callLog(url)).counts[key] ?? 0;
}

/** How many calls each active fault rule has hit, in the order the rules were added. */
export async function faultHits(url: string): Promise<number[]> {
  const rules = (await control(url, "GET", "/faults")) as
    Array<{ hits: number }> | { faults: Array<{ hits: number }> };
  return (Array.isArray(rules) ? rules : rules.faults).map((rule) => rule.hits);
}

/** A URL on a loopback port that nothing listens on (so connecting is refused). */
export async function closedPortUrl(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}`;
}

export const setRolesAvailable = (url: string, aid: number, roles: string[] | null) =>
  control(url, "PUT", `/lytics/accounts/${aid}/roles-available`, { roles_available: roles });

/** A v2 client for an account with its own limiter (so tests do not share pacing) and fast retries. */
export function userClient(
  url: string,
  account = ACME_WEB,
  overrides: Partial<LyticsUserClientOptions> = {},
) {
  return createLyticsUserClient({
    baseUrl: url,
    apiToken: account.token,
    aid: account.aid,
    retry: FAST_RETRY,
    rateLimiter: createRateLimiter(1000),
    ...overrides,
  });
}

/**
 * Asserts that arrival times (ms, any order) never put more than `rate` calls in one second: any
 * `rate` + 1 consecutive calls span at least a second. Exact, because the times are on virtual
 * time the client and the emulator share (createVirtualTime): a request arrives at the time
 * it was sent, however busy the machine.
 */
export function expectPaced(times: readonly number[], rate: number): void {
  const sorted = [...times].sort((a, b) => a - b);
  sorted.slice(rate).forEach((time, index) => {
    expect(time - (sorted[index] ?? Number.NaN)).toBeGreaterThanOrEqual(1000);
  });
}
