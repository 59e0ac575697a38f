import path from "node:path";

import { emulatorEnvSchema, fixturePath, parseEnvironment } from "@lytics-access/emulators";
import { z } from "zod";

/**
 * What `npm start` reads from the environment; everything has an embedded default. The emulator
 * variables (ports, `EMULATOR_FIXTURE`, `EMULATOR_LOG`) come from the emulators' own schema, so
 * `npm start` and `npm run emulators` read them alike.
 */
export const launcherEnvSchema = emulatorEnvSchema.extend({
  /** Use this Redis instead of starting a project-managed one. */
  REDIS_URL: z
    .url({ protocol: /^rediss?$/, error: "must be a redis:// or rediss:// URL" })
    .optional(),
  /** Where the project-managed Redis keeps its append-only file. */
  LOCAL_DATA_DIR: z.string().min(1).default(".local"),
  /** The worker's health, metrics and queue-view server (loopback only). */
  WORKER_HTTP_PORT: z.coerce
    .number({ error: "must be a number" })
    .int("must be a whole number")
    .min(0, "must be 0-65535")
    .max(65535, "must be 0-65535")
    .default(4030),
  /** The web app; the fixture's app URLs follow it. */
  WEB_PORT: z.coerce
    .number({ error: "must be a number" })
    .int("must be a whole number")
    .min(1, "must be 1-65535")
    .max(65535, "must be 1-65535")
    .default(3000),
});

export type LauncherEnv = z.infer<typeof launcherEnvSchema> & {
  dataDir: string;
  /** EMULATOR_FIXTURE resolved against the repository root, or undefined for the default. */
  fixtureFile: string | undefined;
};

export function parseLauncherEnv(env: NodeJS.ProcessEnv, root: string): LauncherEnv {
  let parsed: z.infer<typeof launcherEnvSchema>;
  try {
    parsed = parseEnvironment(launcherEnvSchema, env);
  } catch (error) {
    const problems = error instanceof Error ? error.message.split("\n") : [String(error)];
    throw new Error(
      `Invalid environment for npm start:\n${problems.map((p) => `  ${p}`).join("\n")}`,
    );
  }
  return {
    ...parsed,
    dataDir: path.resolve(root, parsed.LOCAL_DATA_DIR),
    fixtureFile: fixturePath(parsed, root),
  };
}
