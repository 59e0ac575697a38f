// The environment the emulators read, as one zod schema: `npm run emulators` (src/main.ts) parses
// it as is, and `npm start` (scripts/lib/launcher-env.ts) extends it with what only the launcher
// reads, so a variable means the same thing, with the same default and the same error, in both.
import path from "node:path";

import { z } from "zod";

const port = (fallback: number) =>
  z.coerce
    .number({ message: "must be a port number" })
    .int("must be a port number")
    .min(0, "must be 0-65535")
    .max(65_535, "must be 0-65535")
    .default(fallback);

export const emulatorEnvSchema = z.object({
  /** Contentstack emulator port; 0 picks a free one. */
  CS_EMULATOR_PORT: port(4010),
  /** Lytics emulator port; 0 picks a free one. */
  LYTICS_EMULATOR_PORT: port(4020),
  /** A fixture file (relative to the working directory); the shipped default.json when unset. */
  EMULATOR_FIXTURE: z.string().min(1, "must be a file path").optional(),
  /** Request logs (paths only) on stdout. */
  EMULATOR_LOG: z.enum(["0", "1"], { message: "must be 0 or 1" }).default("0"),
});

export type EmulatorEnv = z.infer<typeof emulatorEnvSchema>;

/** Every invalid variable, each on its own line as `NAME problem`. */
export class EnvironmentError extends Error {
  readonly code = "INVALID_ENVIRONMENT";

  constructor(readonly problems: readonly string[]) {
    super(problems.join("\n"));
    this.name = "EnvironmentError";
  }
}

/**
 * Parses the environment with `schema`. An empty variable counts as unset, as in a shell's
 * `VAR= npm start`; only the schema's own keys are read.
 */
export function parseEnvironment<T extends z.ZodObject>(
  schema: T,
  env: NodeJS.ProcessEnv,
): z.infer<T> {
  const present: Record<string, string> = {};
  for (const key of Object.keys(schema.shape)) {
    const value = env[key];
    if (value !== undefined && value !== "") present[key] = value;
  }
  const parsed = schema.safeParse(present);
  if (!parsed.success)
    throw new EnvironmentError(
      parsed.error.issues.map((issue) => `${issue.path.join(".")} ${issue.message}`),
    );
  return parsed.data;
}

/** The fixture file to load, resolved against `cwd`, or undefined for the shipped default. */
export function fixturePath(env: EmulatorEnv, cwd: string): string | undefined {
  return env.EMULATOR_FIXTURE === undefined ? undefined : path.resolve(cwd, env.EMULATOR_FIXTURE);
}

/**
 * "port 4010 is in use; set CS_EMULATOR_PORT to another port" for a listen error on one of the
 * given ports (variable name -> port), or undefined when the error is something else.
 */
export function portInUseMessage(
  error: unknown,
  ports: Readonly<Record<string, number>>,
): string | undefined {
  const failure = error as { code?: unknown; port?: unknown } | null;
  if (typeof failure !== "object" || failure === null || failure.code !== "EADDRINUSE")
    return undefined;
  const variable = Object.entries(ports).find(([, value]) => value === failure.port)?.[0];
  if (variable === undefined) return `port ${String(failure.port)} is in use`;
  return `port ${String(failure.port)} is in use; set ${variable} to another port`;
}
