import path from "node:path";

import { z } from "zod";

const port = (fallback: number) =>
  z.coerce
    .number()
    .int()
    .min(1, "must be a port number (1-65535)")
    .max(65_535, "must be a port number (1-65535)")
    .default(fallback);

/** What `npm start` reads from the environment; everything has an embedded default. */
const launcherEnvSchema = z.object({
  /** Use this Redis instead of starting a project-managed one. */
  REDIS_URL: z
    .url({ protocol: /^rediss?$/, error: "must be a redis:// or rediss:// URL" })
    .optional(),
  CS_EMULATOR_PORT: port(4010),
  LYTICS_EMULATOR_PORT: port(4020),
  /** Where the project-managed Redis keeps its append-only file. */
  LOCAL_DATA_DIR: z.string().min(1).default(".local"),
});

export type LauncherEnv = z.infer<typeof launcherEnvSchema> & { dataDir: string };

export function parseLauncherEnv(env: NodeJS.ProcessEnv, root: string): LauncherEnv {
  // An empty variable means "not set", as in most shells' `VAR= npm start`.
  const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== ""));
  const parsed = launcherEnvSchema.safeParse(present);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`);
    throw new Error(`Invalid environment for npm start:\n${lines.join("\n")}`);
  }
  return { ...parsed.data, dataDir: path.resolve(root, parsed.data.LOCAL_DATA_DIR) };
}
