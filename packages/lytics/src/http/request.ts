// The one place that talks HTTP to Lytics: every call of both clients goes through `call()`, which
// adds the credential, paces the call, bounds it in time, retries what is safe to retry, maps
// failures to typed errors and validates the answer. Nothing else builds a Lytics URL.
import type { Logger } from "pino";
import type { z } from "zod";

import { AuthError } from "../errors/auth-error";
import { errorForStatus } from "../errors/error-for-status";
import { InvalidResponseError } from "../errors/invalid-response-error";
import {
  LyticsApiError,
  type LyticsApiErrorDetails,
  type LyticsApiKind,
} from "../errors/lytics-api-error";
import { NetworkError } from "../errors/network-error";
import { TimeoutError } from "../errors/timeout-error";
import type { CredentialSource } from "./credentials";
import { describeNetworkFailure } from "./network-failure";
import type { RateLimiter } from "./rate-limiter";
import { withRetry, type RetryOptions, type RetryPolicy } from "./retry";

/** How one client reaches one API; built once per client. */
export interface HttpClientConfig {
  api: LyticsApiKind;
  baseUrl: string;
  credentials: CredentialSource;
  /** Headers every call carries besides the credential (`organization_uid`, `x-cs-api-version`). */
  fixedHeaders: Readonly<Record<string, string>>;
  /** Query parameters every call carries (`account_id` on v2). */
  fixedQuery: Readonly<Record<string, string>>;
  timeoutMs: number;
  limiter: RateLimiter;
  retry: Required<RetryOptions>;
  logger: Logger;
  /** Reads the service's error code, message and request id out of an error body. */
  readError(body: unknown): { apiCode?: string; message?: string; requestId?: string };
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
  return async <T>(spec: CallSpec<T>) => {
    const run = () =>
      withRetry(
        (attemptNumber) => config.limiter.schedule(() => attempt(config, spec, attemptNumber)),
        spec.policy,
        config.retry,
        (error, attemptNumber) =>
          config.logger.warn(
            { ...logFields(config, spec), attempt: attemptNumber, err: summarize(error) },
            "lytics call failed; retrying",
          ),
      );
    try {
      return await run();
    } catch (error) {
      // A 401 proves nothing was applied; one more try is worth it when the caller's token
      // source has a fresher token than the one just refused (an OAuth refresh mid-run).
      if (error instanceof AuthError && (await config.credentials.refreshAfterUnauthorized()))
        return run();
      throw error;
    }
  };
}

async function attempt<T>(
  config: HttpClientConfig,
  spec: CallSpec<T>,
  attemptNumber: number,
): Promise<CallResult<T>> {
  const started = performance.now();
  const base = { api: config.api, method: spec.method, route: spec.route } as const;
  const signal = AbortSignal.timeout(config.timeoutMs);
  let status: number | undefined;
  try {
    const headers: Record<string, string> = {
      accept: "application/json",
      ...config.fixedHeaders,
      ...(await config.credentials.headers()),
    };
    if (spec.body !== undefined) headers["content-type"] = "application/json";
    const response = await fetch(buildUrl(config, spec), {
      method: spec.method,
      headers,
      body: spec.body === undefined ? null : JSON.stringify(spec.body),
      signal,
      redirect: "error",
    });
    status = response.status;
    const text = await readBody(response, base, signal);
    const json = parseJson(text, response.ok, base, status);
    if (!response.ok) {
      const { apiCode, message, requestId } = config.readError(json ?? text);
      throw errorForStatus({
        ...base,
        status,
        apiCode,
        requestId,
        message: message ?? (text.slice(0, 200) || response.statusText || "no message"),
      });
    }
    if (!spec.expect.includes(status)) {
      throw new InvalidResponseError({
        ...base,
        status,
        reason: "unexpected-status",
        message: `expected ${spec.expect.join(" or ")}`,
      });
    }
    const parsed = spec.schema.safeParse(json);
    if (!parsed.success) {
      throw new InvalidResponseError({
        ...base,
        status,
        reason: "unexpected-shape",
        message: parsed.error.issues
          .slice(0, 5)
          .map((issue) => `${issue.path.join(".") || "(body)"}: ${issue.message}`)
          .join("; "),
        requestId: config.readError(json).requestId,
      });
    }
    return { status, data: parsed.data };
  } catch (error) {
    throw toLyticsError(error, base, signal);
  } finally {
    config.logger.debug(
      {
        ...logFields(config, spec),
        attempt: attemptNumber,
        status,
        durationMs: Math.round(performance.now() - started),
      },
      "lytics call",
    );
  }
}

function buildUrl(config: HttpClientConfig, spec: CallSpec<unknown>): string {
  const url = new URL(config.baseUrl + spec.path);
  for (const [name, value] of Object.entries({ ...config.fixedQuery, ...spec.query })) {
    url.searchParams.set(name, value);
  }
  return url.toString();
}

type Base = Pick<LyticsApiErrorDetails, "api" | "method" | "route">;

async function readBody(response: Response, base: Base, signal: AbortSignal): Promise<string> {
  try {
    return await response.text();
  } catch (error) {
    if (signal.aborted) throw error;
    throw new InvalidResponseError({
      ...base,
      status: response.status,
      reason: "unparseable",
      message: "the response body was cut off",
      cause: error,
    });
  }
}

function parseJson(text: string, ok: boolean, base: Base, status: number): unknown {
  if (text.trim() === "") return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    // An error status with a plain-text body (a proxy page) still maps by status.
    if (!ok) return undefined;
    throw new InvalidResponseError({
      ...base,
      status,
      reason: "unparseable",
      message: `the body is not complete JSON (${text.length} characters received)`,
      cause: error,
    });
  }
}

function toLyticsError(error: unknown, base: Base, signal: AbortSignal): unknown {
  if (error instanceof LyticsApiError) return error;
  if (signal.aborted) {
    return new TimeoutError({
      ...base,
      message: "no complete answer within the timeout",
      cause: error,
    });
  }
  if (error instanceof TypeError) {
    const failure = describeNetworkFailure(error);
    return new NetworkError({
      ...base,
      message: failure.message,
      connectionRefused: failure.refused,
      cause: error,
    });
  }
  return error;
}

function logFields(config: HttpClientConfig, spec: CallSpec<unknown>) {
  return { api: config.api, method: spec.method, route: spec.route };
}

function summarize(error: unknown) {
  if (error instanceof Error) {
    const { code, status } = error as { code?: unknown; status?: unknown };
    return { name: error.name, code, status };
  }
  return { name: typeof error };
}
