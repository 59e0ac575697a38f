import "server-only";

import { isRegionName, regionFromLocation, type RegionId } from "@lytics-access/http";
import { z } from "zod";

import { frameAncestorsFor } from "./lib/frame-ancestors";

/**
 * The web app's configuration, read from the environment once and checked with zod (t3's env.ts
 * habit). `instrumentation.ts` loads it when the server starts, so a bad setting stops the start
 * with one line per problem instead of failing on the first request. Only this file reads
 * `process.env`.
 */
const optionalUrl = z
  .url({ error: "must be an absolute URL" })
  .transform((value) => value.replace(/\/+$/, ""))
  .optional();

export const webEnvSchema = z.object({
  REDIS_URL: z.string().regex(/^rediss?:\/\//, "must be a redis:// or rediss:// URL"),
  /** The keyring (JSON) the store encrypts tokens with; the same one the worker uses. */
  STORE_KEYRING: z.string().min(2, "is required (JSON keyring, see packages/store)"),
  /** Key prefix in Redis (tests isolate themselves with their own). */
  STORE_KEY_PREFIX: z
    .string()
    .regex(/^[A-Za-z0-9_.-]{1,64}$/)
    .default("la"),
  /** This app's own origin, as browsers see it: Origin checks, postMessage target, redirect URI. */
  APP_URL: z
    .url({ error: "must be an absolute URL" })
    .transform((value) => new URL(value).origin)
    .default("http://localhost:3000"),
  CONTENTSTACK_REGION: z
    .string()
    .refine(isRegionName, {
      error: "must be one of NA, EU, AU, AZURE_NA, AZURE_EU, GCP_NA, GCP_EU",
    })
    .transform((value): RegionId => regionFromLocation(value))
    .default("NA"),
  /** Overrides (the emulator in local mode). CONTENTSTACK_APP_URL is also allowed to frame us. */
  CONTENTSTACK_API_URL: optionalUrl,
  CONTENTSTACK_APP_URL: optionalUrl,
  CONTENTSTACK_DEVELOPER_HUB_URL: optionalUrl,
  LYTICS_MANAGEMENT_API_URL: optionalUrl,
  /**
   * Where "Open Data & Insights" starts the launch (`/auth/contentstack/start`, the App Switcher's
   * entry). @defaultValue LYTICS_MANAGEMENT_API_URL when set (the emulator serves both), else https://app.lytics.com
   */
  LYTICS_APP_URL: optionalUrl,
  CONTENTSTACK_APP_UID: z.string().min(1, "is required (the Developer Hub app uid)"),
  CONTENTSTACK_CLIENT_ID: z.string().min(1, "is required (the app's OAuth client id)"),
  CONTENTSTACK_CLIENT_SECRET: z.string().min(1).optional(),
  /** @defaultValue `${APP_URL}/api/auth/callback` */
  CONTENTSTACK_REDIRECT_URI: z.url().optional(),
  /** How often a signed-in person's organization role is read again. @defaultValue 60000 */
  SESSION_RECHECK_MS: z.coerce.number().int().min(0).default(60_000),
});

export interface WebEnv extends Omit<z.output<typeof webEnvSchema>, "CONTENTSTACK_REDIRECT_URI"> {
  readonly CONTENTSTACK_REDIRECT_URI: string;
  /** True when Contentstack is the emulator (an app URL override on plain http). */
  readonly localMode: boolean;
  /** Origins allowed to frame the app (`frame-ancestors`). */
  readonly frameAncestors: readonly string[];
}

/** Thrown with every problem at once; the message never holds a value (the keyring is secret). */
export class WebEnvError extends Error {
  readonly code = "WEB_ENV_INVALID";
  constructor(readonly issues: readonly string[]) {
    super(`apps/web configuration is invalid:\n  ${issues.join("\n  ")}`);
    this.name = "WebEnvError";
  }
}

export function parseWebEnv(source: Record<string, string | undefined>): WebEnv {
  const parsed = webEnvSchema.safeParse(source);
  if (!parsed.success)
    throw new WebEnvError(
      parsed.error.issues.map((issue) => `${issue.path.join(".") || "(env)"}: ${issue.message}`),
    );
  const env = parsed.data;
  const override = env.CONTENTSTACK_APP_URL ? new URL(env.CONTENTSTACK_APP_URL).origin : undefined;
  return Object.freeze({
    ...env,
    CONTENTSTACK_REDIRECT_URI: env.CONTENTSTACK_REDIRECT_URI ?? `${env.APP_URL}/api/auth/callback`,
    localMode: override !== undefined && override.startsWith("http:"),
    frameAncestors: frameAncestorsFor(env.CONTENTSTACK_REGION, override),
  });
}

let cached: WebEnv | undefined;

/** The process's configuration, parsed on first use. */
export function env(): WebEnv {
  cached ??= parseWebEnv(process.env);
  return cached;
}

/** Tests change the environment between files. */
export function resetEnvForTests(): void {
  cached = undefined;
}
