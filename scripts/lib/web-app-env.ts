// The web app's environment when it runs beside the local emulators: the same for `npm start` and
// the e2e system, so the app the suites drive is configured exactly as the one a developer opens.
import { LOCAL_APP } from "@lytics-access/worker";

export interface LocalWebAppSettings {
  readonly redisUrl: string;
  /** The store keyring (JSON), the worker's STORE_KEYRING. */
  readonly keyring: string;
  /** The app's own origin, the one the emulated Contentstack embeds. */
  readonly appUrl: string;
  /** The Contentstack emulator: CMA, app host and Developer Hub in one. */
  readonly contentstackUrl: string;
  readonly lyticsUrl: string;
  readonly redirectUri: string;
}

/** The variables `startWeb` passes to the app (see apps/web/src/env.ts). */
export function localWebAppEnv(settings: LocalWebAppSettings): Record<string, string> {
  return {
    REDIS_URL: settings.redisUrl,
    STORE_KEYRING: settings.keyring,
    APP_URL: settings.appUrl,
    CONTENTSTACK_API_URL: settings.contentstackUrl,
    CONTENTSTACK_APP_URL: settings.contentstackUrl,
    CONTENTSTACK_DEVELOPER_HUB_URL: settings.contentstackUrl,
    LYTICS_MANAGEMENT_API_URL: settings.lyticsUrl,
    CONTENTSTACK_APP_UID: LOCAL_APP.appUid,
    CONTENTSTACK_CLIENT_ID: LOCAL_APP.clientId,
    CONTENTSTACK_CLIENT_SECRET: LOCAL_APP.clientSecret,
    CONTENTSTACK_REDIRECT_URI: settings.redirectUri,
  };
}
