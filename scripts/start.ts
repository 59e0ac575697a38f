// `npm start`: the whole system on embedded defaults, on one machine (DESIGN §6): a
// project-managed Redis (unless REDIS_URL is set), the Contentstack and Lytics emulators, and —
// as their issues land — the worker and the web app. `--smoke` starts everything, prints the URLs
// and stops again (used by the launcher's own test).
import path from "node:path";

import { loadFixture, portInUseMessage, startEmulators } from "@lytics-access/emulators";
import { startRedisServer } from "@lytics-access/redis-server";

import { parseLauncherEnv } from "./lib/launcher-env";
import { watchParent } from "./lib/watch-parent";
import { ShutdownStack } from "./lib/shutdown-stack";

const root = path.resolve(import.meta.dirname, "..");
const smoke = process.argv.includes("--smoke");
const stack = new ShutdownStack();

async function main(): Promise<void> {
  const env = parseLauncherEnv(process.env, root);
  // Read the fixture before anything starts: a bad file stops here with its own message.
  const fixture = env.fixtureFile === undefined ? undefined : loadFixture(env.fixtureFile);

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
      ...(fixture === undefined ? {} : { fixture }),
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
