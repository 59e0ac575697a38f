// The one place this package performs an HTTP call to the CMA or the Developer Hub: limiter slot,
// credentials, timeout, retries, typed errors and logs. The Management SDK is routed through it
// too (see sdk/management-sdk.ts), so every call obeys the same rules.
import type { Logger } from "pino";
import type { CredentialProvider } from "../auth/credentials";
import { AuthError } from "../errors/auth-error";
import { ContentstackApiError } from "../errors/contentstack-api-error";
import { errorFromResponse } from "../errors/error-from-response";
import { InvalidResponseError } from "../errors/invalid-response-error";
import { NetworkError } from "../errors/network-error";
import { RateLimitedError } from "../errors/rate-limited-error";
import { TimeoutError } from "../errors/timeout-error";
import { loggableHeaders } from "./logger";
import type { RateLimiter, RequestKind } from "./rate-limiter";
import { withRetry, type RetryOptions } from "./retry";

export type HttpMethod = "GET" | "POST" | "PUT" | "DELETE";

export interface HttpCall {
  readonly method: HttpMethod;
  /** Absolute URL without the query string. */
  readonly url: string;
  readonly query?: Readonly<Record<string, string | number | boolean | undefined>> | undefined;
  /** Sent as JSON. */
  readonly body?: unknown;
  /** Label for logs and errors, e.g. `GET /organizations/{uid}/share`; never holds secrets. */
  readonly operation: string;
  /** Safe to repeat after it may have reached the server. @defaultValue true for GET, false otherwise */
  readonly idempotent?: boolean | undefined;
  /** Which budget the call spends. @defaultValue "read" for GET, "write" otherwise */
  readonly kind?: RequestKind | undefined;
  readonly signal?: AbortSignal | undefined;
}

export interface HttpResult {
  readonly status: number;
  readonly headers: Headers;
  /** Parsed JSON, or undefined for an empty body (204). */
  readonly body: unknown;
  readonly requestId: string | undefined;
}

export interface TransportOptions {
  readonly organizationUid: string;
  readonly credentials: CredentialProvider;
  readonly limiter: RateLimiter;
  readonly logger: Logger;
  readonly timeoutMs: number;
  readonly retry?: RetryOptions | undefined;
  readonly fetch?: typeof fetch | undefined;
}

export interface Transport {
  send(call: HttpCall): Promise<HttpResult>;
}

const REQUEST_ID_HEADERS = [
  "x-request-id",
  "x-contentstack-request-id",
  "request-id",
  "x-amzn-requestid",
];

function requestIdOf(headers: Headers): string | undefined {
  for (const name of REQUEST_ID_HEADERS) {
    const value = headers.get(name);
    if (value) return value;
  }
  return undefined;
}

export function buildUrl(url: string, query: HttpCall["query"]): string {
  const target = new URL(url);
  for (const [name, value] of Object.entries(query ?? {})) {
    if (value !== undefined) target.searchParams.set(name, String(value));
  }
  return target.toString();
}

function parseBody(
  text: string,
  status: number,
  operation: string,
  requestId: string | undefined,
): unknown {
  if (text.trim() === "") return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch (cause) {
    if (status >= 400) return text;
    throw new InvalidResponseError(
      `${operation} answered HTTP ${status} with a body that is not complete JSON`,
      {
        reason: "unparsable",
        status,
        requestId,
        operation,
        cause,
      },
    );
  }
}

export function createTransport(options: TransportOptions): Transport {
  const doFetch = options.fetch ?? fetch;
  const { logger } = options;

  async function attempt(call: HttpCall, kind: RequestKind): Promise<HttpResult> {
    const auth = await options.credentials.headers(options.organizationUid);
    const headers = new Headers({ accept: "application/json", ...auth });
    if (call.body !== undefined) headers.set("content-type", "application/json");
    const url = buildUrl(call.url, call.query);
    const timeout = AbortSignal.timeout(options.timeoutMs);
    const signal = call.signal ? AbortSignal.any([timeout, call.signal]) : timeout;
    const started = Date.now();
    logger.trace(
      { operation: call.operation, method: call.method, headers: loggableHeaders(headers) },
      "contentstack request",
    );
    let response: Response;
    let text: string;
    try {
      response = await doFetch(url, {
        method: call.method,
        headers,
        body: call.body === undefined ? undefined : JSON.stringify(call.body),
        signal,
      });
      text = await response.text();
    } catch (cause) {
      if (timeout.aborted) {
        throw new TimeoutError(
          `${call.operation} got no complete answer within ${options.timeoutMs} ms`,
          {
            timeoutMs: options.timeoutMs,
            operation: call.operation,
            cause,
          },
        );
      }
      if (call.signal?.aborted) throw cause;
      throw new NetworkError(
        `${call.operation} failed before a complete answer arrived: ${(cause as Error).message}`,
        {
          operation: call.operation,
          cause,
        },
      );
    }
    const requestId = requestIdOf(response.headers);
    const body = parseBody(text, response.status, call.operation, requestId);
    logger.debug(
      {
        operation: call.operation,
        status: response.status,
        durationMs: Date.now() - started,
        requestId,
      },
      "contentstack response",
    );
    if (!response.ok) {
      const error = errorFromResponse({
        status: response.status,
        body,
        requestId,
        retryAfterHeader: response.headers.get("retry-after"),
        operation: call.operation,
      });
      if (error instanceof RateLimitedError && error.retryAfterMs !== undefined) {
        options.limiter.pause(options.organizationUid, kind, error.retryAfterMs);
      }
      throw error;
    }
    return { status: response.status, headers: response.headers, body, requestId };
  }

  return {
    async send(call: HttpCall): Promise<HttpResult> {
      const kind = call.kind ?? (call.method === "GET" ? "read" : "write");
      const idempotent = call.idempotent ?? call.method === "GET";
      let refreshedAfter401 = false;
      const limited = () =>
        options.limiter.schedule(options.organizationUid, kind, () => attempt(call, kind));
      const once = async (): Promise<HttpResult> => {
        const tokenUsed = options.credentials.currentToken();
        try {
          return await limited();
        } catch (error) {
          // A 401 means the server did not act; refresh once and replay, whatever the method.
          if (
            error instanceof AuthError &&
            !refreshedAfter401 &&
            (await options.credentials.recoverFromAuthFailure(tokenUsed))
          ) {
            refreshedAfter401 = true;
            logger.info(
              { operation: call.operation },
              "contentstack token refreshed after 401; replaying",
            );
            return limited();
          }
          throw error;
        }
      };
      try {
        return await withRetry(
          once,
          {
            idempotent,
            signal: call.signal,
            onRetry: (error, attemptNumber, retriesLeft) => {
              logger.warn(
                {
                  operation: call.operation,
                  errorCode: error.code,
                  status: error.status,
                  attempt: attemptNumber,
                  retriesLeft,
                },
                "contentstack call failed; retrying",
              );
            },
          },
          options.retry,
        );
      } catch (error) {
        if (error instanceof ContentstackApiError) {
          logger.warn(
            {
              operation: call.operation,
              errorCode: error.code,
              status: error.status,
              apiErrorCode: error.apiErrorCode,
              requestId: error.requestId,
            },
            "contentstack call failed",
          );
        }
        throw error;
      }
    },
  };
}
