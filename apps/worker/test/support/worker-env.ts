// A worker wired to fresh emulators and the test run's redis-server, with prefixes of its own so
import type {} from "@lytics-access/redis-server/vitest-global-setup";
// tests never see each other's queues or keys.
import { randomBytes, randomUUID } from "node:crypto";

import { startEmulators, type RunningEmulators } from "@lytics-access/emulators";

import { LOCAL_APP } from "../../src/local/seed-local-installation";

export interface TestWorld {
  emulators: RunningEmulators;
  env: Record<string, string>;
  queuePrefix: string;
  storePrefix: string;
  keyring: string;
}

export function testKeyring(): string {
  return JSON.stringify({ currentKeyId: "k1", keys: { k1: randomBytes(32).toString("base64") } });
}

export function testPrefixes(): { queuePrefix: string; storePrefix: string } {
  const id = randomUUID().slice(0, 8);
  return { queuePrefix: `{test-${id}}`, storePrefix: `t-${id}` };
}

export function workerEnv(
  redisUrl: string,
  emulators: RunningEmulators | undefined,
  keyring: string,
  extra: Record<string, string> = {},
): Record<string, string> {
  const cs = emulators?.contentstack.url ?? "http://127.0.0.1:9";
  return {
    REDIS_URL: redisUrl,
    STORE_KEYRING: keyring,
    WORKER_HTTP_PORT: "0",
    CONTENTSTACK_API_URL: cs,
    CONTENTSTACK_APP_URL: cs,
    CONTENTSTACK_DEVELOPER_HUB_URL: cs,
    LYTICS_MANAGEMENT_API_URL: emulators?.lytics.url ?? "http://127.0.0.1:9",
    CONTENTSTACK_APP_UID: LOCAL_APP.appUid,
    CONTENTSTACK_CLIENT_ID: LOCAL_APP.clientId,
    CONTENTSTACK_CLIENT_SECRET: LOCAL_APP.clientSecret,
    CONTENTSTACK_REDIRECT_URI: LOCAL_APP.redirectUri,
    SYNC_INTERVAL_MS: "3600000",
    AUDIT_POLL_INTERVAL_MS: "250",
    OPERATOR_TOKEN: "operator-token-for-tests-0001",
    SHUTDOWN_DEADLINE_MS: "5000",
    LOG_LEVEL: "silent",
    ...extra,
  };
}

export async function startTestEmulators(): Promise<RunningEmulators> {
  return startEmulators({
    csPort: 0,
    lyticsPort: 0,
    lyticsRateLimitPerSecond: false,
    contentstackRateLimit: false,
  });
}

/** Polls `check` until it returns a value (not undefined/false), or fails after `attempts`. */
export async function eventually<T>(
  check: () => Promise<T | undefined | false>,
  what: string,
  attempts = 200,
  everyMs = 100,
): Promise<T> {
  let last: unknown;
  for (let i = 0; i < attempts; i += 1) {
    try {
      const value = await check();
      if (value !== undefined && value !== false) return value;
    } catch (error) {
      last = error;
    }
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
  throw new Error(`timed out waiting for ${what}${last ? `: ${String(last)}` : ""}`);
}

interface LyticsSnapshot {
  accounts: {
    aid: number;
    uid: string;
    organizationUid?: string;
    users: { email: string; roles: string[] }[];
  }[];
}

export async function lyticsUsers(lyticsUrl: string): Promise<LyticsSnapshot["accounts"]> {
  const response = await fetch(`${lyticsUrl}/_emulator/lytics/store`);
  return ((await response.json()) as LyticsSnapshot).accounts;
}
