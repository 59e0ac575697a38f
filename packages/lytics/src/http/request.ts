// The Lytics adapter over the HTTP core: every call of both clients goes through the function
// `createHttp` builds. The core sends, paces, bounds, retries and maps failures to the shared error
// family; this file adds only what is Lytics': the fixed headers and query, which calls may be
// repeated, the success statuses each endpoint documents and the shape of a good answer.
import {
  createApiTransport,
  InvalidResponseError,
  type ApiName,
  type Clock,
  type ErrorBodyInfo,
  type Logger,
  type RateLimiter,
  type RetryOptions,
  type TransportCredentials,
} from "@lytics-access/http";
import type { z } from "zod";

/**
 * How a call may be repeated.
 * - `idempotent`: repeating it cannot change the outcome (GET, PUT, DELETE, the roles-replace
 *   POST), so any transient failure is retried.
 * - `unapplied-only`: repeating it could act twice (the v2 invite, project creation), so only
 *   failures that prove the call was not applied are retried: a 429, a refused connection.
 */
export type RetryPolicy = "idempotent" | "unapplied-only";

/** How one client reaches one API; built once per client. */
export interface HttpClientConfig {
  api: Extract<ApiName, "lytics-management" | "lytics-v2">;
  baseUrl: string;
  credentials: TransportCredentials;
  /** Headers every call carries besides the credential (`organization_uid`, `x-cs-api-version`). */
  fixedHeaders: Readonly<Record<string, string>>;
  /** Query parameters every call carries (`account_id` on v2). */
  fixedQuery: Readonly<Record<string, string>>;
  timeoutMs: number;
  maxResponseBytes?: number | undefined;
  limiter: RateLimiter;
  /** The limiter key of this client (its account or organization). */
  limiterKey: string;
  retry: RetryOptions;
  logger: Logger;
  /** Reads the service's error code, message, request id and field errors out of an error body. */
  readError(body: unknown): ErrorBodyInfo;
  clock?: Clock | undefined;
  fetch?: typeof fetch | undefined;
  random?: (() => number) | undefined;
}

/** One call: what to send, how it may be retried, and what a good answer looks like. */
export interface CallSpec<T> {
  method: "GET" | "POST" | "PUT" | "DELETE";
  /** The route template, used in logs and errors (`/v2/user/:id`): ids and emails stay out. */
  route: string;
  /** The filled-in path, each segment already URL-encoded. */
  path: string;
  query?: Readonly<Record<string, string>>;
  body?: unknown;
  policy: RetryPolicy;
  /** The success statuses this endpoint documents; any other 2xx is an invalid response. */
  expect: readonly number[];
  /** The shape of a successful body (`undefined` for an empty one). */
  schema: z.ZodType<T>;
}

export interface CallResult<T> {
  status: number;
  data: T;
}

/** Something that performs calls; the resource modules take this, not the config. */
export type LyticsHttp = <T>(spec: CallSpec<T>) => Promise<CallResult<T>>;

/** Builds the call function for one client. */
export function createHttp(config: HttpClientConfig): LyticsHttp {
  const transport = createApiTransport({
    api: config.api,
    logName: "lytics",
    credentials: config.credentials,
    fixedHeaders: config.fixedHeaders,
    limiter: config.limiter,
    timeoutMs: config.timeoutMs,
    maxResponseBytes: config.maxResponseBytes,
    retry: config.retry,
    logger: config.logger,
    readError: config.readError,
    clock: config.clock,
    fetch: config.fetch,
    random: config.random,
  });
  return async <T>(spec: CallSpec<T>) => {
    const operation = `${spec.method} ${spec.route}`;
    const details = { api: config.api, operation };
    const response = await transport({
      method: spec.method,
      url: config.baseUrl + spec.path,
      query: { ...config.fixedQuery, ...spec.query },
      body: spec.body,
      operation,
      limiterKey: config.limiterKey,
      safeToRepeat: spec.policy === "idempotent",
    });
    if (!spec.expect.includes(response.status)) {
      throw new InvalidResponseError(
        `${operation} answered HTTP ${response.status}, expected ${spec.expect.join(" or ")}`,
        { ...details, status: response.status, reason: "unexpected-status" },
      );
    }
    const parsed = spec.schema.safeParse(response.body);
    if (!parsed.success) {
      const where = parsed.error.issues
        .slice(0, 5)
        .map((issue) => `${issue.path.join(".") || "(body)"}: ${issue.message}`)
        .join("; ");
      throw new InvalidResponseError(`${operation} answered an unexpected shape: ${where}`, {
        ...details,
        status: response.status,
        reason: "schema",
        requestId: config.readError(response.body).requestId ?? response.requestId,
      });
    }
    return { status: response.status, data: parsed.data };
  };
}
