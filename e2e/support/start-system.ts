// The whole system for the suites, as `npm start` runs it but on free ports with a fresh,
// disk-less Redis and fresh secrets: the Contentstack and Lytics emulators (the e2e world), the
// sync worker with Acme and Initech connected, and the web app's production build (through turbo's
// cache). Run by the global setup as its own process (tsx, like the launcher), it prints one line
// `E2E_SYSTEM <json>` once everything answers, then runs until SIGTERM or until its parent is gone.
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";

import { DEFAULT_FIXTURE_PATH, loadFixture, startEmulators } from "@lytics-access/emulators";
import { findFreePort, startRedisServer } from "@lytics-access/redis-server";
import { startWeb } from "@lytics-access/web";
import {
  LOCAL_APP,
  loadWorkerConfig,
  seedLocalInstallation,
  startWorker,
} from "@lytics-access/worker";

import { acceptAcmeImport } from "../../scripts/lib/accept-acme-import";
import { appAtPort } from "../../scripts/lib/app-at-port";
import { buildWeb } from "../../scripts/lib/build-web";
import { loadLocalSecrets } from "../../scripts/lib/local-secrets";
import { ShutdownStack } from "../../scripts/lib/shutdown-stack";
import { watchParent } from "../../scripts/lib/watch-parent";
import { localWebAppEnv } from "../../scripts/lib/web-app-env";
import type { SystemInfo } from "./system-info";
import { IVAN, INITECH, e2eFixture } from "./world";

const root = path.resolve(import.meta.dirname, "..", "..");
const stack = new ShutdownStack();

async function main(): Promise<void> {
  const scratch = mkdtempSync(path.join(os.tmpdir(), "la-e2e-"));
  stack.push("scratch folder", async () => rmSync(scratch, { recursive: true, force: true }));

  const redis = await startRedisServer();
  stack.push("redis-server", () => redis.stop());

  const webPort = await findFreePort();
  const fixture = appAtPort(e2eFixture(loadFixture(DEFAULT_FIXTURE_PATH)), webPort);
  const appUrl = new URL(fixture.app.global_full_page_url).origin;
  const redirectUri = fixture.app.redirect_uris[0] ?? `${appUrl}/api/auth/callback`;
  const emulators = await startEmulators({ csPort: 0, lyticsPort: 0, fixture });
  stack.push("emulators", () => emulators.close());
  const csUrl = emulators.contentstack.url;

  const secrets = loadLocalSecrets(scratch);
  const workerEnv: Record<string, string> = {
    REDIS_URL: redis.url,
    STORE_KEYRING: secrets.keyring,
    OPERATOR_TOKEN: secrets.operatorToken,
    WORKER_HTTP_PORT: "0",
    CONTENTSTACK_API_URL: csUrl,
    CONTENTSTACK_APP_URL: csUrl,
    CONTENTSTACK_DEVELOPER_HUB_URL: csUrl,
    LYTICS_MANAGEMENT_API_URL: emulators.lytics.url,
    CONTENTSTACK_APP_UID: LOCAL_APP.appUid,
    CONTENTSTACK_CLIENT_ID: LOCAL_APP.clientId,
    CONTENTSTACK_CLIENT_SECRET: LOCAL_APP.clientSecret,
    CONTENTSTACK_REDIRECT_URI: redirectUri,
    // Membership changes reach Lytics within a couple of seconds, not the production five.
    AUDIT_POLL_INTERVAL_MS: "1000",
    LOG_LEVEL: process.env.LOG_LEVEL ?? "error",
  };
  const config = loadWorkerConfig(workerEnv);

  // Acme as `npm start` connects it (its Owner authorized; the first-connection import accepted),
  // Initech connected to be synced at once (the mass-removal suite's own organization).
  const seed = { contentstackUrl: csUrl, redisUrl: redis.url, keyring: secrets.keyring };
  await seedLocalInstallation({ ...seed, app: { redirectUri }, awaitingImport: true });
  await acceptAcmeImport(config);
  await seedLocalInstallation({
    ...seed,
    app: { redirectUri },
    orgUid: INITECH.uid,
    person: { uid: IVAN.uid, email: IVAN.email, name: `${IVAN.first} ${IVAN.last}` },
  });

  const worker = await startWorker({ config });
  stack.push("worker", () => worker.close());

  await buildWeb(root, "e2e");
  const web = await startWeb({
    port: webPort,
    stdio: process.env.E2E_WEB_LOG === "1" ? "inherit" : "ignore",
    env: {
      ...localWebAppEnv({
        redisUrl: redis.url,
        keyring: secrets.keyring,
        appUrl,
        contentstackUrl: csUrl,
        lyticsUrl: emulators.lytics.url,
        redirectUri,
      }),
      // A person removed from the organization loses the session within seconds.
      SESSION_RECHECK_MS: "2000",
    },
  });
  stack.push("web app", () => web.close());

  const info: SystemInfo = {
    contentstackUrl: csUrl,
    lyticsUrl: emulators.lytics.url,
    appUrl,
    workerEnv,
  };
  console.log(`E2E_SYSTEM ${JSON.stringify(info)}`);
}

let stopping = false;
function stop(reason: string): void {
  if (stopping) return;
  stopping = true;
  console.error(`[e2e] ${reason}: stopping the system`);
  void stack.close().then(() => process.exit(0));
}
for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const)
  process.on(signal, () => stop(signal));
watchParent(() => stop("parent process gone"));

main().catch(async (error: unknown) => {
  console.error(
    `[e2e] the system did not start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
  );
  await stack.close();
  process.exit(1);
});
