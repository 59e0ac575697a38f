import { randomBytes } from "node:crypto";

import { startEmulators } from "@lytics-access/emulators";
import { closeStoreRedis } from "@lytics-access/store";
import { afterAll, beforeAll, expect, inject } from "vitest";

import type {} from "@lytics-access/redis-server/vitest-global-setup";

import { parseWebEnv } from "../../src/env";
import { oauthCallback } from "../../src/lib/server/handlers/oauth-callback";
import { startOAuth } from "../../src/lib/server/handlers/oauth-start";
import { redeemHandoff } from "../../src/lib/server/handlers/redeem-handoff";
import { startSession } from "../../src/lib/server/handlers/start-session";
import { createServices, type Services } from "../../src/lib/server/services";
import { ACME, APP_URL, appRequest, authorizeAsBrowser, cookiePair } from "./harness";

export interface TroubleshootingHarness {
  svc: Services;
  /** Opens the app as the host shell does (app token -> POST /api/session). */
  openApp(userUid: string): Promise<{ cookie: string; csrf: string; loopRef: string }>;
  /** Opens the app and signs in through the popup; returns the iframe's cookie and CSRF token. */
  signIn(userUid: string): Promise<{ cookie: string; csrf: string; loopRef: string }>;
  /** Connects Acme for the background sync with this person's grant (the org credential). */
  connectOrganization(userUid: string, email: string): Promise<void>;
  /** The popup's authorize + callback round trip after a /auth/start response. */
  finishPopup(start: Response, userUid: string): Promise<Response>;
}

/** Both emulators (Contentstack and Lytics), the run's redis-server, the web services. */
export function useTroubleshootingHarness(): TroubleshootingHarness {
  const h = {} as TroubleshootingHarness;
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
        STORE_KEY_PREFIX: `ts${randomBytes(4).toString("hex")}`,
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
    const post = async (path: string, body: unknown) =>
      (await fetch(`${csUrl}/_emulator${path}`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(body),
      }).then((r) => r.json())) as Record<string, string>;
    const authtoken = async (userUid: string) =>
      (await post("/sessions", { user_uid: userUid })).authtoken ?? "";

    const finishPopup = async (start: Response, userUid: string) => {
      const cookies = (start.headers.getSetCookie?.() ?? []).map((c) => cookiePair(c)).join("; ");
      const callbackUrl = await authorizeAsBrowser(
        start.headers.get("location") ?? "",
        await authtoken(userUid),
      );
      return oauthCallback(svc, new Request(callbackUrl, { headers: { cookie: cookies } }));
    };
    const openApp = async (userUid: string) => {
      const appToken = (await post("/app-tokens", { organization_uid: ACME, user_uid: userUid }))
        .app_token;
      const response = await startSession(
        svc,
        appRequest("/api/session", { body: { appToken, organizationUid: ACME } }),
      );
      expect(response.status).toBe(200);
      const body = (await response.json()) as { csrfToken: string; loopRef: string };
      return {
        cookie: cookiePair(response.headers.get("set-cookie")),
        csrf: body.csrfToken,
        loopRef: body.loopRef,
      };
    };
    Object.assign(h, {
      svc,
      openApp,
      finishPopup,
      async signIn(userUid: string) {
        const app = await openApp(userUid);
        const start = await startOAuth(svc, new Request(`${APP_URL}/auth/start?org=${ACME}`));
        const page = await finishPopup(start, userUid);
        const code = /data-code="([^"]+)"/.exec(await page.text())?.[1];
        const redeemed = await redeemHandoff(
          svc,
          appRequest("/api/auth/handoff", { body: { code }, cookie: app.cookie, csrf: app.csrf }),
        );
        expect(redeemed.status).toBe(200);
        return app;
      },
      async connectOrganization(userUid: string, email: string) {
        const { state, codeVerifier } = svc.oauth.createLoginSecrets();
        const url = await svc.oauth.authorizationUrl({
          state,
          codeVerifier,
          organizationUid: ACME,
        });
        const callback = svc.oauth.parseCallback(
          await authorizeAsBrowser(url, await authtoken(userUid)),
          state,
        );
        const tokens = await svc.oauth.exchangeCode({
          code: callback.code,
          codeVerifier,
          location: callback.location,
        });
        await svc.installations.connect({
          orgUid: ACME,
          region: "NA",
          connectedBy: { uid: userUid, email },
          scopes: [...tokens.scopes],
          tokens: {
            accessToken: tokens.accessToken,
            refreshToken: tokens.refreshToken ?? "none",
            accessTokenExpiresAt: tokens.expiresAt,
          },
        });
      },
    } satisfies TroubleshootingHarness);
    close = async () => {
      await closeStoreRedis(svc.redis);
      await emulators.close();
    };
  });
  afterAll(async () => {
    await close?.();
  });
  return h;
}
