import { randomBytes } from "node:crypto";

import { startEmulators } from "@lytics-access/emulators";
import { closeStoreRedis } from "@lytics-access/store";
import { afterAll, beforeAll, expect } from "vitest";

import { createSyncLink, type SyncLink } from "../../src/lib/server/connect/sync-link";
import { oauthCallback } from "../../src/lib/server/handlers/oauth-callback";
import { startOAuth } from "../../src/lib/server/handlers/oauth-start";
import { redeemHandoff } from "../../src/lib/server/handlers/redeem-handoff";
import { startSession } from "../../src/lib/server/handlers/start-session";
import type { Services } from "../../src/lib/server/services";
import {
  ACME,
  APP_URL,
  appRequest,
  authorizeAsBrowser,
  cookiePair,
  createTestServices,
  emulatorIdentity,
} from "./harness";

/** The iframe's session: its cookie, CSRF token and sign-in loop reference. */
export interface AppSession {
  cookie: string;
  csrf: string;
  loopRef: string;
}

export interface FullHarness {
  svc: Services;
  link: SyncLink;
  csUrl: string;
  lyticsUrl: string;
  appToken(orgUid: string, userUid: string): Promise<string>;
  contentstackSession(userUid: string): Promise<string>;
  /** The emulator's control API (`/_emulator…`). */
  control(method: string, path: string, body?: unknown): Promise<Response>;
  /** Opens the app as the host shell does (app token -> POST /api/session). */
  openApp(userUid: string, orgUid?: string): Promise<AppSession>;
  /** Opens the app and signs in through the popup; returns the iframe's session. */
  signIn(userUid: string, orgUid?: string): Promise<AppSession>;
  /** The popup's authorize + callback round trip after a /auth/start response. */
  finishPopup(start: Response, userUid: string): Promise<Response>;
  /**
   * Connects the organization for the background sync with this person's grant (the org
   * credential), straight through the store: no import waits (the connect flow's own tests go
   * through POST /api/connection).
   */
  connectOrganization(userUid: string, email: string, orgUid?: string): Promise<void>;
}

/**
 * Both emulators (Contentstack and Lytics, wired to each other), the run's redis-server, the web
 * services on a random store prefix and the worker link on a random queue prefix (its queues are
 * opened only when a test asks for them).
 */
export function useFullHarness(): FullHarness {
  const harness = {} as FullHarness;
  let close: (() => Promise<void>) | undefined;
  beforeAll(async () => {
    const emulators = await startEmulators({ csPort: 0, lyticsPort: 0 });
    const csUrl = emulators.contentstack.url;
    const svc = createTestServices(csUrl, { LYTICS_MANAGEMENT_API_URL: emulators.lytics.url });
    const link = createSyncLink(svc, { queuePrefix: `{q${randomBytes(4).toString("hex")}}` });
    const { appToken, contentstackSession } = emulatorIdentity(csUrl);
    const finishPopup = async (start: Response, userUid: string) => {
      const cookies = start.headers
        .getSetCookie()
        .map((c) => cookiePair(c))
        .join("; ");
      const callbackUrl = await authorizeAsBrowser(
        start.headers.get("location") ?? "",
        await contentstackSession(userUid),
      );
      return oauthCallback(svc, new Request(callbackUrl, { headers: { cookie: cookies } }));
    };
    const openApp = async (userUid: string, orgUid = ACME): Promise<AppSession> => {
      const response = await startSession(
        svc,
        appRequest("/api/session", {
          body: { appToken: await appToken(orgUid, userUid), organizationUid: orgUid },
        }),
      );
      expect(response.status).toBe(200);
      const body = (await response.json()) as { csrfToken: string; loopRef: string };
      return {
        cookie: cookiePair(response.headers.get("set-cookie")),
        csrf: body.csrfToken,
        loopRef: body.loopRef,
      };
    };
    Object.assign(harness, {
      svc,
      link,
      csUrl,
      lyticsUrl: emulators.lytics.url,
      appToken,
      contentstackSession,
      control: (method: string, path: string, body?: unknown) =>
        fetch(`${csUrl}/_emulator${path}`, {
          method,
          ...(body === undefined
            ? {}
            : { headers: { "content-type": "application/json" }, body: JSON.stringify(body) }),
        }),
      openApp,
      finishPopup,
      async signIn(userUid: string, orgUid = ACME) {
        const app = await openApp(userUid, orgUid);
        const start = await startOAuth(svc, new Request(`${APP_URL}/auth/start?org=${orgUid}`));
        const page = await finishPopup(start, userUid);
        const code = /data-code="([^"]+)"/.exec(await page.text())?.[1];
        const redeemed = await redeemHandoff(
          svc,
          appRequest("/api/auth/handoff", { body: { code }, cookie: app.cookie, csrf: app.csrf }),
        );
        expect(redeemed.status).toBe(200);
        return app;
      },
      async connectOrganization(userUid: string, email: string, orgUid = ACME) {
        const { state, codeVerifier } = svc.oauth.createLoginSecrets();
        const url = await svc.oauth.authorizationUrl({
          state,
          codeVerifier,
          organizationUid: orgUid,
        });
        const callback = svc.oauth.parseCallback(
          await authorizeAsBrowser(url, await contentstackSession(userUid)),
          state,
        );
        const tokens = await svc.oauth.exchangeCode({
          code: callback.code,
          codeVerifier,
          location: callback.location,
        });
        await svc.installations.connect({
          orgUid,
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
