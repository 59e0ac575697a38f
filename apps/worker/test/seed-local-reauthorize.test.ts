// `npm start` runs the emulators with fresh state on every start, so the grant stored for Acme by
// the last start is unknown to them: the seed authorizes again and keeps the accepted import.
import type {} from "@lytics-access/redis-server/vitest-global-setup";
import { randomBytes } from "node:crypto";

import { startEmulators } from "@lytics-access/emulators";
import { createInstallationsStore, createSecretBox, createStoreRedis } from "@lytics-access/store";
import { createOAuthClient } from "@lytics-access/contentstack";
import { afterAll, describe, expect, inject, it } from "vitest";

import { LOCAL_ACME, LOCAL_APP, seedLocalInstallation } from "../src/local/seed-local-installation";
import { testKeyring } from "./support/worker-env";

const redis = createStoreRedis(inject("redisUrl"), { connectionName: "seed-test" });
afterAll(() => redis.quit());

describe("seedLocalInstallation with reauthorize (npm start)", () => {
  it("renews the stored credential against fresh emulators and keeps the accepted import", async () => {
    const keyring = testKeyring();
    const storePrefix = `t${randomBytes(4).toString("hex")}`;
    const installations = createInstallationsStore({
      redis,
      secretBox: createSecretBox(keyring),
      keyPrefix: storePrefix,
    });
    const seed = (contentstackUrl: string) =>
      seedLocalInstallation({
        contentstackUrl,
        redisUrl: inject("redisUrl"),
        keyring,
        storePrefix,
        awaitingImport: true,
        reauthorize: true,
      });
    const refreshWith = async (contentstackUrl: string) => {
      const tokens = await installations.readTokens(LOCAL_ACME.orgUid);
      const oauth = createOAuthClient({
        overrides: {
          apiUrl: contentstackUrl,
          appUrl: contentstackUrl,
          developerHubUrl: contentstackUrl,
        },
        appUid: LOCAL_APP.appUid,
        clientId: LOCAL_APP.clientId,
        clientSecret: LOCAL_APP.clientSecret,
        redirectUri: LOCAL_APP.redirectUri,
      });
      return oauth.refresh(tokens.refreshToken);
    };

    const first = await startEmulators({ csPort: 0, lyticsPort: 0 });
    expect(await seed(first.contentstack.url)).toBe(true); // a first connection: import pending
    await installations.markImportAccepted(LOCAL_ACME.orgUid);
    await first.close();

    const second = await startEmulators({ csPort: 0, lyticsPort: 0 });
    try {
      // The last start's grant means nothing to fresh emulators ...
      await expect(refreshWith(second.contentstack.url)).rejects.toThrow();
      // ... so the seed authorizes again, and the accepted import stays accepted.
      expect(await seed(second.contentstack.url)).toBe(false);
      expect((await installations.get(LOCAL_ACME.orgUid))?.awaitingImport).toBe(false);
      await expect(refreshWith(second.contentstack.url)).resolves.toMatchObject({
        accessToken: expect.any(String),
      });
    } finally {
      await second.close();
    }
  });
});
