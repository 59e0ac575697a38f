// `npm start`: the whole system on embedded defaults, on one machine (DESIGN §6): a
// project-managed Redis (unless REDIS_URL is set), the Contentstack and Lytics emulators, the sync
// worker with the default fixture's Acme organization connected as if its Owner had authorized,
// and the web app the emulated Contentstack embeds. `--smoke` starts everything, prints the URLs
// and stops again (used by the launcher's own test).
import path from "node:path";

import {
  DEFAULT_FIXTURE_PATH,
  loadFixture,
  portInUseMessage,
  startEmulators,
} from "@lytics-access/emulators";
import { startRedisServer } from "@lytics-access/redis-server";
import { startWeb } from "@lytics-access/web";
import {
  LOCAL_ACME,
  LOCAL_APP,
  loadWorkerConfig,
  seedLocalInstallation,
  startWorker,
} from "@lytics-access/worker";

import { acceptAcmeImport } from "./lib/accept-acme-import";
import { appAtPort } from "./lib/app-at-port";
import { buildWeb } from "./lib/build-web";
import { parseLauncherEnv } from "./lib/launcher-env";
import { assertPortFree } from "./lib/port-free";
import { loadLocalSecrets } from "./lib/local-secrets";
import { writeWorkerEnvFile } from "./lib/worker-env-file";
import { watchParent } from "./lib/watch-parent";
import { ShutdownStack } from "./lib/shutdown-stack";
import { localWebAppEnv } from "./lib/web-app-env";

const root = path.resolve(import.meta.dirname, "..");
const smoke = process.argv.includes("--smoke");
const stack = new ShutdownStack();

async function main(): Promise<void> {
  const env = parseLauncherEnv(process.env, root);
  // Read the fixture before anything starts: a bad file stops here with its own message.
  const fixture = appAtPort(loadFixture(env.fixtureFile ?? DEFAULT_FIXTURE_PATH), env.WEB_PORT);
  const appUrl = new URL(fixture.app.global_full_page_url).origin;
  const redirectUri = fixture.app.redirect_uris[0] ?? `${appUrl}/api/auth/callback`;

  let redisUrl = env.REDIS_URL;
  if (!redisUrl) {
    const redis = await startRedisServer({ dataDir: path.join(env.dataDir, "redis") });
    stack.push("redis-server", () => redis.stop());
    redisUrl = redis.url;
    console.log(
      `[start] redis-server ${redis.url} (data in ${path.relative(root, redis.dataDir)})`,
    );
  } else {
    console.log("[start] using REDIS_URL");
  }

  let emulators: Awaited<ReturnType<typeof startEmulators>>;
  try {
    emulators = await startEmulators({
      csPort: env.CS_EMULATOR_PORT,
      lyticsPort: env.LYTICS_EMULATOR_PORT,
      fixture,
      logger: env.EMULATOR_LOG === "1",
    });
  } catch (error) {
    const inUse = portInUseMessage(error, {
      CS_EMULATOR_PORT: env.CS_EMULATOR_PORT,
      LYTICS_EMULATOR_PORT: env.LYTICS_EMULATOR_PORT,
    });
    throw inUse === undefined ? error : new Error(inUse);
  }
  stack.push("emulators", () => emulators.close());
  if (env.fixtureFile !== undefined)
    console.log(`[start] emulator fixture ${path.relative(root, env.fixtureFile)}`);
  console.log(`[start] Contentstack emulator ${emulators.contentstack.url}`);
  console.log(`[start] Lytics emulator       ${emulators.lytics.url}`);

  // The worker acts with the organization's OAuth grant, like in production: Acme is connected as
  // if Olivia (its Owner) had authorized the app; Globex stays unconnected for the connect flow.
  const secrets = loadLocalSecrets(env.dataDir);
  const csUrl = emulators.contentstack.url;
  // Seeded as a first connection is: awaiting its import, which is accepted below before the
  // worker starts, so the worker never sees Acme unaccepted (and a start that stopped in between
  // accepts it on the next start).
  const connected = await seedLocalInstallation({
    contentstackUrl: csUrl,
    redisUrl,
    keyring: secrets.keyring,
    app: { redirectUri },
    awaitingImport: true,
    reauthorize: true,
  });
  const workerSettings = {
    REDIS_URL: redisUrl,
    STORE_KEYRING: secrets.keyring,
    OPERATOR_TOKEN: secrets.operatorToken,
    WORKER_HTTP_PORT: String(env.WORKER_HTTP_PORT),
    CONTENTSTACK_API_URL: csUrl,
    CONTENTSTACK_APP_URL: csUrl,
    CONTENTSTACK_DEVELOPER_HUB_URL: csUrl,
    LYTICS_MANAGEMENT_API_URL: emulators.lytics.url,
    CONTENTSTACK_APP_UID: LOCAL_APP.appUid,
    CONTENTSTACK_CLIENT_ID: LOCAL_APP.clientId,
    CONTENTSTACK_CLIENT_SECRET: LOCAL_APP.clientSecret,
    CONTENTSTACK_REDIRECT_URI: redirectUri,
    LOG_LEVEL: process.env.LOG_LEVEL ?? "warn",
  };
  const config = loadWorkerConfig(workerSettings);
  const workerEnvFile = writeWorkerEnvFile(env.dataDir, workerSettings);
  if (connected) {
    const { adopted, notAdopted } = await acceptAcmeImport(config);
    console.log(
      `[start] Acme connected for the sync as its Owner; ${adopted} existing collaborator grant(s) adopted, ${notAdopted} not adopted (not in the organization)`,
    );
  } else {
    console.log(
      "[start] Acme already connected for the sync (authorized again: the emulators start afresh)",
    );
  }
  let worker: Awaited<ReturnType<typeof startWorker>>;
  try {
    worker = await startWorker({ config });
  } catch (error) {
    const inUse = portInUseMessage(error, { WORKER_HTTP_PORT: env.WORKER_HTTP_PORT });
    throw inUse === undefined ? error : new Error(inUse);
  }
  stack.push("worker", () => worker.close());
  // Acme's scheduler keeps the time of its next run across starts (up to 5 minutes away), and this
  // start renewed its credential: sync now, so the app shows a current state from the first minute.
  await worker.enqueuer.syncNow(LOCAL_ACME.orgUid, { trigger: "manual" });
  console.log(
    `[start] worker                ${worker.httpUrl ?? ""} (queue view /queues; its bearer token is in ${path.relative(root, secrets.file)})`,
  );
  console.log(
    `[start] operator command      npx lytics-access --settings-file ${path.relative(root, workerEnvFile)} status`,
  );

  // The web app: built when its sources changed since the last build (turbo's cache), then served
  // on the origin the emulated Contentstack embeds.
  await assertPortFree(env.WEB_PORT, "WEB_PORT");
  await buildWeb(root);
  const web = await startWeb({
    port: env.WEB_PORT,
    stdio: "ignore",
    env: localWebAppEnv({
      redisUrl,
      keyring: secrets.keyring,
      appUrl,
      contentstackUrl: csUrl,
      lyticsUrl: emulators.lytics.url,
      redirectUri,
    }),
  });
  stack.push("web app", () => web.close());
  console.log(`[start] web app               ${appUrl} (embedded by the Contentstack emulator)`);

  console.log(
    `\n  lytics-access is running. Open ${emulators.contentstack.url} and sign in as any fixture person.\n` +
      "  Press Ctrl+C to stop.\n",
  );
  if (smoke) await stack.close();
}

// Ctrl+C signals every process of the terminal's group, and the bootstrap forwards it too, so the
// launcher usually hears SIGINT more than once: later ones must not cut the ordered shutdown short.
let shuttingDown = false;
function shutDown(reason: string): void {
  if (shuttingDown) return;
  shuttingDown = true;
  console.log(`\n[start] ${reason}: shutting down`);
  void stack.close().then(() => process.exit(0));
}
for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const)
  process.on(signal, () => shutDown(signal));
// Should the processes above us die without passing a signal on (a SIGKILL, a shell that does not
// forward), we are re-parented: shut down rather than leave the emulators and Redis orphaned.
watchParent(() => shutDown("parent process gone"));

main().catch(async (error: unknown) => {
  console.error(`[start] ${error instanceof Error ? error.message : String(error)}`);
  await stack.close();
  process.exit(1);
});
