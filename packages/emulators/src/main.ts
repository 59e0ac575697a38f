// `npm run emulators`: both emulators in one process, on the ports the environment names, until
// SIGINT/SIGTERM, which closes them in order.
import { z } from "zod";

import { loadFixture } from "./fixtures/load-fixture";
import { startEmulators } from "./start-emulators";

const port = (name: string, fallback: number) =>
  z.coerce
    .number({ message: `${name} must be a port number` })
    .int(`${name} must be a whole number`)
    .min(0, `${name} must be 0-65535`)
    .max(65_535, `${name} must be 0-65535`)
    .default(fallback);

const envSchema = z.object({
  CS_EMULATOR_PORT: port("CS_EMULATOR_PORT", 4010),
  LYTICS_EMULATOR_PORT: port("LYTICS_EMULATOR_PORT", 4020),
  EMULATOR_FIXTURE: z.string().min(1, "EMULATOR_FIXTURE must be a file path").optional(),
  EMULATOR_LOG: z.enum(["0", "1"], { message: "EMULATOR_LOG must be 0 or 1" }).default("0"),
});

async function main(): Promise<void> {
  const env = envSchema.safeParse({
    CS_EMULATOR_PORT: process.env.CS_EMULATOR_PORT || undefined,
    LYTICS_EMULATOR_PORT: process.env.LYTICS_EMULATOR_PORT || undefined,
    EMULATOR_FIXTURE: process.env.EMULATOR_FIXTURE || undefined,
    EMULATOR_LOG: process.env.EMULATOR_LOG || undefined,
  });
  if (!env.success) {
    for (const issue of env.error.issues) console.error(`emulators: ${issue.message}`);
    process.exit(2);
  }
  const fixture = env.data.EMULATOR_FIXTURE
    ? loadFixture(env.data.EMULATOR_FIXTURE)
    : loadFixture();
  const emulators = await startEmulators({
    csPort: env.data.CS_EMULATOR_PORT,
    lyticsPort: env.data.LYTICS_EMULATOR_PORT,
    fixture,
    logger: env.data.EMULATOR_LOG === "1",
  });
  console.log(`Contentstack emulator: ${emulators.contentstack.url}`);
  console.log(`Lytics emulator:       ${emulators.lytics.url}`);

  const stop = (signal: NodeJS.Signals): void => {
    console.log(`emulators: ${signal}, closing`);
    emulators.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error("emulators: close failed", error);
        process.exit(1);
      },
    );
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}

main().catch((error: unknown) => {
  console.error(`emulators: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
