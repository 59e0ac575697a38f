// `npm run emulators`: both emulators in one process, on the ports the environment names, until
// SIGINT/SIGTERM, which closes them in order. The environment schema is the one `npm start` reads.
import {
  emulatorEnvSchema,
  EnvironmentError,
  fixturePath,
  parseEnvironment,
  portInUseMessage,
} from "./emulator-env";
import { loadFixture } from "./fixtures/load-fixture";
import { startEmulators } from "./start-emulators";

async function main(): Promise<void> {
  let env;
  try {
    env = parseEnvironment(emulatorEnvSchema, process.env);
  } catch (error) {
    if (!(error instanceof EnvironmentError)) throw error;
    for (const problem of error.problems) console.error(`emulators: ${problem}`);
    process.exit(2);
  }
  const file = fixturePath(env, process.cwd());
  const fixture = file === undefined ? loadFixture() : loadFixture(file);
  let emulators;
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
    if (inUse === undefined) throw error;
    console.error(`emulators: ${inUse}`);
    process.exit(1);
  }
  console.log(`Contentstack emulator: ${emulators.contentstack.url}`);
  console.log(`Lytics emulator:       ${emulators.lytics.url}`);

  // Ctrl+C reaches every process of the group, and the bootstrap forwards it too: later signals
  // must not cut the ordered close short.
  let closing = false;
  const stop = (signal: NodeJS.Signals): void => {
    if (closing) return;
    closing = true;
    console.log(`emulators: ${signal}, closing`);
    emulators.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error("emulators: close failed", error);
        process.exit(1);
      },
    );
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

main().catch((error: unknown) => {
  console.error(`emulators: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
