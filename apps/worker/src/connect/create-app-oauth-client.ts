// The app's OAuth client, as the worker's settings describe it: refreshes organizations' tokens.
import { createOAuthClient, type OAuthClient } from "@lytics-access/contentstack";
import type { Logger } from "pino";

import type { WorkerConfig } from "../config/worker-config";

export function createAppOAuthClient(config: WorkerConfig, logger: Logger): OAuthClient {
  const { region, overrides, oauth } = config.contentstack;
  return createOAuthClient({
    ...(region ? { region } : {}),
    overrides,
    appUid: oauth.appUid,
    clientId: oauth.clientId,
    ...(oauth.clientSecret ? { clientSecret: oauth.clientSecret } : {}),
    redirectUri: oauth.redirectUri,
    logger,
  });
}
