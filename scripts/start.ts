// `npm start`: the whole system on embedded defaults, on one machine (DESIGN §6): a
// project-managed Redis (unless REDIS_URL is set), the Contentstack and Lytics emulators, and —
// as their issues land — the worker and the web app. `--smoke` starts everything, prints the URLs
// and stops again (used by the launcher's own test).
import path from "node:path";

import { startEmulators } from "@lytics-access/emulators";
import { startRedisServer } from "@lytics-access/redis-server";

import { parseLauncherEnv } from "./lib/launcher-env";
import { ShutdownStack } from "./lib/shutdown-stack";

const root = path.resolve(import.meta.dirname, "..");
const smoke = process.argv.includes("--smoke");
const stack = new ShutdownStack();

async function main(): Promise<void> {
  const env = parseLauncherEnv(process.env, root);

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

  const emulators = await startEmulators({
    csPort: env.CS_EMULATOR_PORT,
    lyticsPort: env.LYTICS_EMULATOR_PORT,
  });
  stack.push("emulators", () => emulators.close());
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
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    if (shuttingDown) return;
    shuttingDown = true;
    console.log(`\n[start] ${signal}: shutting down`);
    void stack.close().then(() => process.exit(0));
  });
}

main().catch(async (error: unknown) => {
  console.error(`[start] ${error instanceof Error ? error.message : String(error)}`);
  await stack.close();
  process.exit(1);
});
