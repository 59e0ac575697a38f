import { randomBytes } from "node:crypto";

import { startEmulators } from "@lytics-access/emulators";
import { closeStoreRedis } from "@lytics-access/store";
import { afterAll, beforeAll, inject } from "vitest";

import type {} from "@lytics-access/redis-server/vitest-global-setup";

import { parseWebEnv } from "../../src/env";
import { createSyncLink, type SyncLink } from "../../src/lib/server/connect/sync-link";
import { createServices, type Services } from "../../src/lib/server/services";
import { APP_URL } from "./harness";

export interface FullHarness {
  svc: Services;
  link: SyncLink;
  csUrl: string;
  lyticsUrl: string;
  appToken(orgUid: string, userUid: string): Promise<string>;
  contentstackSession(userUid: string): Promise<string>;
  /** The emulator's control API (`/_emulator…`). */
  control(method: string, path: string, body?: unknown): Promise<Response>;
}

/**
 * Both emulators (Contentstack and Lytics, wired to each other), the run's redis-server, the web
 * services on a random store prefix and the worker link on a random queue prefix.
 */
export function useFullHarness(): FullHarness {
  const harness = {} as FullHarness;
  let close: (() => Promise<void>) | undefined;
  beforeAll(async () => {
    const emulators = await startEmulators({ csPort: 0, lyticsPort: 0 });
    const csUrl = emulators.contentstack.url;
    const svc = createServices(
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
        LYTICS_MANAGEMENT_API_URL: emulators.lytics.url,
        CONTENTSTACK_APP_UID: "app_lytics_access",
        CONTENTSTACK_CLIENT_ID: "lytics-access-local",
        CONTENTSTACK_CLIENT_SECRET: "local-only-client-secret-0001",
      }),
    );
    const link = createSyncLink(svc, { queuePrefix: `{q${randomBytes(4).toString("hex")}}` });
    const post = async (path: string, body: unknown) =>
      fetch(`${csUrl}/_emulator${path}`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(body),
      });
    Object.assign(harness, {
      svc,
      link,
      csUrl,
      lyticsUrl: emulators.lytics.url,
      async appToken(orgUid: string, userUid: string) {
        const response = await post("/app-tokens", { organization_uid: orgUid, user_uid: userUid });
        return ((await response.json()) as { app_token: string }).app_token;
      },
      async contentstackSession(userUid: string) {
        const response = await post("/sessions", { user_uid: userUid });
        return ((await response.json()) as { authtoken: string }).authtoken;
      },
      control: (method: string, path: string, body?: unknown) =>
        fetch(`${csUrl}/_emulator${path}`, {
          method,
          ...(body === undefined
            ? {}
            : { headers: { "content-type": "application/json" }, body: JSON.stringify(body) }),
        }),
    } satisfies FullHarness);
    close = async () => {
      await link.close();
      await closeStoreRedis(svc.redis);
      await emulators.close();
    };
  });
  afterAll(async () => {
    await close?.();
  });
  return harness;
}
