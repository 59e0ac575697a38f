// The worker's settings, read from the environment once at start and validated with zod. Every
// problem names its variable; no message ever repeats a value (a secret may be what is wrong).
import { InvalidKeyringError, parseKeyring } from "@lytics-access/store";
import { z } from "zod";

import { WorkerConfigError } from "./worker-config-error";

/** The Lytics budget when `LYTICS_RATE_PER_SECOND` is unset (the emulator allows 20/s). */
export const DEFAULT_LYTICS_RATE_PER_SECOND = 15;

const LOOPBACK = new Set(["127.0.0.1", "::1", "localhost"]);

const positiveInt = (fallback: number) =>
  z.coerce
    .number({ error: "must be a number" })
    .int("must be a whole number")
    .positive()
    .default(fallback);

const optionalUrl = z
  .url({ protocol: /^https?$/, error: "must be an absolute http(s) URL" })
  .optional();

const optionalText = z.preprocess(
  (value) => (typeof value === "string" && value.trim() === "" ? undefined : value),
  z.string().min(1).optional(),
);

export const workerEnvSchema = z.object({
  REDIS_URL: z
    .string({ error: "is required (redis://host:port)" })
    .regex(/^rediss?:\/\//, "must be a redis:// or rediss:// URL"),
  /** Host the health, metrics and queue-view server binds. @defaultValue "127.0.0.1" */
  WORKER_HTTP_HOST: z.string().min(1).default("127.0.0.1"),
  /** Port of that server; 0 picks a free one. @defaultValue 4030 */
  WORKER_HTTP_PORT: z.coerce
    .number({ error: "must be a number" })
    .int()
    .min(0)
    .max(65535)
    .default(4030),
  /** Full reconcile period per organization. @defaultValue 300000 (5 minutes) */
  SYNC_INTERVAL_MS: positiveInt(300_000),
  /** Audit-log poll period per organization. @defaultValue 5000 */
  AUDIT_POLL_INTERVAL_MS: positiveInt(5_000),
  /** Share of an organization's Lytics users a plan may remove before it is held. @defaultValue 0.2 */
  MAX_REMOVAL_SHARE: z.coerce.number({ error: "must be a number" }).gt(0).max(1).default(0.2),
  /** JSON `{"currentKeyId":"k1","keys":{"k1":"<base64 of 32 bytes>"}}`. */
  STORE_KEYRING: z
    .string({ error: "is required (JSON keyring: currentKeyId + base64 keys)" })
    .min(2),
  /** Days each organization's audit log is kept. @defaultValue 400 */
  AUDIT_RETENTION: positiveInt(400),
  /**
   * Days a held plan is kept after it was approved, or after a newer plan replaced it (the newest
   * plan waiting for an Owner is kept however old). @defaultValue 30
   */
  HELD_PLAN_RETENTION_DAYS: positiveInt(30),
  /** Bearer token for the queue view; without it the queue view refuses everyone. */
  OPERATOR_TOKEN: optionalText.pipe(
    z.string().min(16, "must be at least 16 characters").optional(),
  ),
  CONTENTSTACK_REGION: optionalText,
  CONTENTSTACK_API_URL: optionalUrl,
  CONTENTSTACK_APP_URL: optionalUrl,
  CONTENTSTACK_DEVELOPER_HUB_URL: optionalUrl,
  LYTICS_MANAGEMENT_API_URL: optionalUrl,
  /** The app's OAuth client, used to refresh organizations' tokens. */
  CONTENTSTACK_APP_UID: z.string({ error: "is required (Developer Hub app uid)" }).min(1),
  CONTENTSTACK_CLIENT_ID: z.string({ error: "is required (OAuth client id)" }).min(1),
  CONTENTSTACK_CLIENT_SECRET: optionalText,
  CONTENTSTACK_REDIRECT_URI: z.url({ error: "is required (a registered OAuth redirect URI)" }),
  /** How long a graceful shutdown may take before the process gives up. @defaultValue 25000 */
  SHUTDOWN_DEADLINE_MS: positiveInt(25_000),
  /**
   * How long an organization's run lock outlives a worker that died holding it (it is extended
   * while the run lives). @defaultValue 60000
   */
  RUN_LOCK_TTL_MS: positiveInt(60_000),
  /**
   * BullMQ job lock: a killed worker's job is back in waiting within about 1.5 times this.
   * @defaultValue 30000
   */
  JOB_LOCK_MS: positiveInt(30_000),
  /**
   * Requests per second the worker spends on the Lytics Management API per organization, shared by
   * every replica. Lytics publishes no limit (api-notes §1.4), so this budget is the one the worker
   * holds itself to (and the one its benchmark's rate-limit floor is computed from). @defaultValue 15
   */
  LYTICS_RATE_PER_SECOND: z.coerce
    .number({ error: "must be a number" })
    .positive("must be above 0")
    .max(1000, "must be at most 1000")
    .default(DEFAULT_LYTICS_RATE_PER_SECOND),
  /** Jobs one worker process runs at once. @defaultValue 4 */
  WORKER_CONCURRENCY: positiveInt(4),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
});

export type WorkerEnv = z.input<typeof workerEnvSchema>;

/** The worker's settings, typed. */
export interface WorkerConfig {
  readonly redisUrl: string;
  readonly http: { readonly host: string; readonly port: number };
  readonly syncIntervalMs: number;
  readonly auditPollIntervalMs: number;
  readonly maxRemovalShare: number;
  readonly keyring: string;
  /** Days the audit log keeps entries. */
  readonly auditRetentionDays: number;
  /** Days approved and replaced held plans are kept. */
  readonly heldPlanRetentionDays: number;
  readonly operatorToken: string | undefined;
  readonly contentstack: {
    readonly region: string | undefined;
    readonly overrides: {
      readonly apiUrl?: string;
      readonly appUrl?: string;
      readonly developerHubUrl?: string;
      readonly lyticsManagementUrl?: string;
    };
    readonly oauth: {
      readonly appUid: string;
      readonly clientId: string;
      readonly clientSecret: string | undefined;
      readonly redirectUri: string;
    };
  };
  readonly shutdownDeadlineMs: number;
  readonly runLockTtlMs: number;
  readonly jobLockMs: number;
  readonly concurrency: number;
  /** Lytics Management API requests per second per organization (`LYTICS_RATE_PER_SECOND`). */
  readonly lyticsRatePerSecond: number;
  readonly logLevel: string;
}

function defined<T extends Record<string, unknown>>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/**
 * Reads the worker's settings from an environment (process.env by default).
 * @throws WorkerConfigError naming every bad variable
 */
export function loadWorkerConfig(
  env: Record<string, string | undefined> = process.env,
): WorkerConfig {
  const parsed = workerEnvSchema.safeParse(env);
  if (!parsed.success) {
    throw new WorkerConfigError(
      parsed.error.issues.map(
        (issue) => `${issue.path.join(".") || "(environment)"}: ${issue.message}`,
      ),
    );
  }
  const e = parsed.data;
  const problems: string[] = [];
  // The keyring is read when the stores open; checked here so a bad one is a settings error that
  // names STORE_KEYRING (and never its key material), not a stack trace from deep in the start.
  try {
    parseKeyring(e.STORE_KEYRING);
  } catch (error) {
    if (!(error instanceof InvalidKeyringError)) throw error;
    for (const problem of error.problems) problems.push(`STORE_KEYRING: ${problem}`);
  }
  if (!LOOPBACK.has(e.WORKER_HTTP_HOST) && e.OPERATOR_TOKEN === undefined)
    problems.push("OPERATOR_TOKEN: is required when WORKER_HTTP_HOST is not a loopback address");
  if (problems.length > 0) throw new WorkerConfigError(problems);
  return {
    redisUrl: e.REDIS_URL,
    http: { host: e.WORKER_HTTP_HOST, port: e.WORKER_HTTP_PORT },
    syncIntervalMs: e.SYNC_INTERVAL_MS,
    auditPollIntervalMs: e.AUDIT_POLL_INTERVAL_MS,
    maxRemovalShare: e.MAX_REMOVAL_SHARE,
    keyring: e.STORE_KEYRING,
    auditRetentionDays: e.AUDIT_RETENTION,
    heldPlanRetentionDays: e.HELD_PLAN_RETENTION_DAYS,
    operatorToken: e.OPERATOR_TOKEN,
    contentstack: {
      region: e.CONTENTSTACK_REGION,
      overrides: defined({
        apiUrl: e.CONTENTSTACK_API_URL,
        appUrl: e.CONTENTSTACK_APP_URL,
        developerHubUrl: e.CONTENTSTACK_DEVELOPER_HUB_URL,
        lyticsManagementUrl: e.LYTICS_MANAGEMENT_API_URL,
      }),
      oauth: {
        appUid: e.CONTENTSTACK_APP_UID,
        clientId: e.CONTENTSTACK_CLIENT_ID,
        clientSecret: e.CONTENTSTACK_CLIENT_SECRET,
        redirectUri: e.CONTENTSTACK_REDIRECT_URI,
      },
    },
    shutdownDeadlineMs: e.SHUTDOWN_DEADLINE_MS,
    runLockTtlMs: e.RUN_LOCK_TTL_MS,
    jobLockMs: e.JOB_LOCK_MS,
    concurrency: e.WORKER_CONCURRENCY,
    lyticsRatePerSecond: e.LYTICS_RATE_PER_SECOND,
    logLevel: e.LOG_LEVEL,
  };
}
