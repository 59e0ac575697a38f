// The call pipeline both clients share: limiter slot, credential, one request, error mapping,
// retries and logs. A client adapter only supplies its credentials, its fixed headers and how
// to read its service's error body.
import type { Logger } from "pino";
import { systemClock, type Clock } from "../clock";
import { ApiError, type ApiName, type FieldError } from "../errors/api-error";
import { AuthError } from "../errors/auth-error";
import { errorForStatus } from "../errors/error-for-status";
import { InvalidResponseError } from "../errors/invalid-response-error";
import { RateLimitedError } from "../errors/rate-limited-error";
import type { RateLimiter } from "../limiter/rate-limiter";
import { redactHeaders } from "../log/redaction";
import { parseRetryAfter } from "../retry/parse-retry-after";
import {
  DEFAULT_RETRY_OPTIONS,
  isSafeToRepeat,
  throttleFloor,
  type RetryOptions,
} from "../retry/retry-policy";
import { withRetry } from "../retry/with-retry";
import { refuseDotSegments } from "../url/dot-segment";
import { sendRequest } from "./send-request";

/** What an adapter reads out of its service's error body. */
export interface ErrorBodyInfo {
  message?: string | undefined;
  apiCode?: string | number | undefined;
  requestId?: string | undefined;
  fieldErrors?: Record<string, FieldError[]> | undefined;
}

/** Supplies the credential headers for each attempt. */
export interface TransportCredentials {
  headers(): Promise<Record<string, string>>;
  /**
   * After a 401: true when a different credential is now ready, so one more round is worth it.
   * `sent` is the headers of the refused attempt.
   */
  afterUnauthorized(sent: Readonly<Record<string, string>>): Promise<boolean>;
}

export interface ApiTransportOptions {
  readonly api: ApiName;
  /** Prefix of log messages (`lytics call`, `contentstack call failed; retrying`). */
  readonly logName: string;
  readonly credentials: TransportCredentials;
  /** Headers every call carries besides the credential. */
  readonly fixedHeaders?: Readonly<Record<string, string>> | undefined;
  readonly limiter: RateLimiter;
  readonly timeoutMs: number;
  readonly maxResponseBytes?: number | undefined;
  readonly retry?: RetryOptions | undefined;
  readonly logger: Logger;
  /** Reads the service's message, code, request id and field errors from an error body. */
  readonly readError: (body: unknown) => ErrorBodyInfo;
  /** Header names that may carry a request id. @defaultValue x-request-id and friends */
  readonly requestIdHeaders?: readonly string[] | undefined;
  readonly fetch?: typeof fetch | undefined;
  readonly clock?: Clock | undefined;
  /** [0, 1) source for backoff jitter. @defaultValue Math.random */
  readonly random?: (() => number) | undefined;
}

export interface ApiCall {
  readonly method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  /** Absolute URL without the query string (base URL + encoded path). */
  readonly url: string;
  readonly query?: Readonly<Record<string, string | number | boolean | undefined>> | undefined;
  /** Sent as JSON. */
  readonly body?: unknown;
  /** `METHOD route-template` for logs and errors; never ids, emails or secrets. */
  readonly operation: string;
  /** Which limiter key the call spends. */
  readonly limiterKey: string;
  /** Safe to send twice. @defaultValue true for GET, HEAD, OPTIONS, PUT, DELETE */
  readonly safeToRepeat?: boolean | undefined;
  readonly signal?: AbortSignal | undefined;
}

export interface ApiResponse {
  readonly status: number;
  readonly headers: Headers;
  /** Parsed JSON, or undefined for an empty body. */
  readonly body: unknown;
  readonly requestId: string | undefined;
}

export type ApiTransport = (call: ApiCall) => Promise<ApiResponse>;

const DEFAULT_REQUEST_ID_HEADERS = ["x-request-id", "x-contentstack-request-id", "request-id"];

export function buildUrl(url: string, query: ApiCall["query"]): string {
  const target = new URL(url);
  for (const [name, value] of Object.entries(query ?? {})) {
    if (value !== undefined) target.searchParams.set(name, String(value));
  }
  return target.toString();
}

export function createApiTransport(options: ApiTransportOptions): ApiTransport {
  const clock = options.clock ?? systemClock;
  const random = options.random ?? Math.random;
  const retry = { ...DEFAULT_RETRY_OPTIONS, ...definedOnly(options.retry) };
  const { logger, logName, api } = options;
  const requestIdHeaders = options.requestIdHeaders ?? DEFAULT_REQUEST_ID_HEADERS;

  async function attempt(
    call: ApiCall,
    attemptNumber: number,
    sent: { headers: Record<string, string> },
  ) {
    await options.limiter.acquire(call.limiterKey, call.signal);
    const headers: Record<string, string> = {
      accept: "application/json",
      ...options.fixedHeaders,
      ...(await options.credentials.headers()),
    };
    if (call.body !== undefined) headers["content-type"] = "application/json";
    sent.headers = headers;
    const started = clock.now();
    const fields = { api, operation: call.operation, attempt: attemptNumber };
    logger.trace(
      { ...fields, method: call.method, headers: redactHeaders(headers) },
      `${logName} request`,
    );
    let status: number | undefined;
    try {
      const raw = await sendRequest({
        method: call.method,
        url: buildUrl(call.url, call.query),
        headers,
        body: call.body === undefined ? undefined : JSON.stringify(call.body),
        timeoutMs: options.timeoutMs,
        maxResponseBytes: options.maxResponseBytes,
        signal: call.signal,
        api,
        operation: call.operation,
        fetch: options.fetch,
      });
      status = raw.status;
      const headerRequestId =
        requestIdHeaders.map((name) => raw.headers.get(name)).find(Boolean) ?? undefined;
      const ok = raw.status >= 200 && raw.status < 300;
      const body = parseJson(raw.text, ok, {
        api,
        operation: call.operation,
        status: raw.status,
        requestId: headerRequestId,
      });
      if (ok) return { status: raw.status, headers: raw.headers, body, requestId: headerRequestId };
      const info = options.readError(body ?? raw.text);
      const requestId = info.requestId ?? headerRequestId;
      const serverMessage =
        info.message ??
        (body === undefined && raw.text.trim() !== "" ? raw.text.slice(0, 200) : undefined);
      const error = errorForStatus(
        `${call.operation} failed with HTTP ${raw.status}${serverMessage ? `: ${serverMessage}` : ""}`,
        {
          api,
          status: raw.status,
          operation: call.operation,
          apiCode: info.apiCode,
          requestId,
          fieldErrors: info.fieldErrors,
          retryAfterMs: parseRetryAfter(raw.headers.get("retry-after"), clock.now()),
        },
      );
      // Every caller of the key waits, not only this one: with a shared (Redis) limiter that is
      // every replica. A 429 that names no Retry-After (Lytics sends none) shuts the key for the
      // same least wait the retry itself takes.
      if (error instanceof RateLimitedError)
        await options.limiter.pause(
          call.limiterKey,
          error.retryAfterMs ?? throttleFloor(attemptNumber, retry),
        );
      throw error;
    } finally {
      logger.debug({ ...fields, status, durationMs: clock.now() - started }, `${logName} call`);
    }
  }

  return async (call) => {
    // Checked on the path as the client wrote it: buildUrl's parser would resolve the dots away.
    refuseDotSegments(call.url, call.operation);
    const safeToRepeat = isSafeToRepeat(call.method, call.safeToRepeat);
    const sent = { headers: {} as Record<string, string> };
    const run = () =>
      withRetry((attemptNumber) => attempt(call, attemptNumber, sent), {
        safeToRepeat,
        options: retry,
        clock,
        random,
        signal: call.signal,
        onRetry: (error, attemptNumber, delayMs) =>
          logger.warn(
            {
              api,
              operation: call.operation,
              attempt: attemptNumber,
              delayMs,
              ...summarize(error),
            },
            `${logName} call failed; retrying`,
          ),
      });
    try {
      try {
        return await run();
      } catch (error) {
        // A 401 proves nothing was applied; one more round is worth it when the credential
        // source has a fresher token than the one just refused (an OAuth refresh mid-run).
        if (
          error instanceof AuthError &&
          (await options.credentials.afterUnauthorized(sent.headers))
        ) {
          logger.info(
            { api, operation: call.operation },
            `${logName} credential refreshed after 401; replaying`,
          );
          return await run();
        }
        throw error;
      }
    } catch (error) {
      if (error instanceof ApiError)
        logger.warn(
          { api, operation: call.operation, ...summarize(error) },
          `${logName} call failed`,
        );
      throw error;
    }
  };
}

function parseJson(
  text: string,
  ok: boolean,
  details: { api: ApiName; operation: string; status: number; requestId: string | undefined },
): unknown {
  if (text.trim() === "") return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch (cause) {
    // An error status with a plain-text body (a proxy page) still maps by status.
    if (!ok) return undefined;
    throw new InvalidResponseError(
      `${details.operation} answered HTTP ${details.status} with a body that is not complete JSON (${text.length} characters)`,
      { ...details, reason: "unparseable", cause },
    );
  }
}

function summarize(error: unknown): Record<string, unknown> {
  if (error instanceof ApiError)
    return {
      errorCode: error.code,
      status: error.status,
      apiCode: error.apiCode,
      requestId: error.requestId,
    };
  return { errorName: error instanceof Error ? error.name : typeof error };
}

function definedOnly<T extends object>(value: T | undefined): Partial<T> {
  return Object.fromEntries(
    Object.entries(value ?? {}).filter(([, field]) => field !== undefined),
  ) as Partial<T>;
}
