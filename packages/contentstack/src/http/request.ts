// The Contentstack adapter over the HTTP core: every call to the CMA goes through `send`, the
// Management SDK included (see sdk/management-sdk.ts). This file only adds what is Contentstack's
// own: the credential (authtoken or OAuth with refresh), the per-organization read/write budget
// and the CMA error body. Timeouts, size cap, redirects, retries and logs are the core's.
import {
  createApiTransport,
  readContentstackErrorBody,
  type Clock,
  type Logger,
  type RateLimiter,
  type RetryOptions,
} from "@lytics-access/http";
import type { CredentialProvider } from "../auth/credentials";
import { limiterKey, type RequestKind } from "./rate-limiter";

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
  /** Safe to repeat after it may have reached the server. @defaultValue true for GET, PUT, DELETE */
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
  /** @defaultValue the core's 10 MiB */
  readonly maxResponseBytes?: number | undefined;
  readonly retry?: RetryOptions | undefined;
  readonly fetch?: typeof fetch | undefined;
  readonly clock?: Clock | undefined;
  readonly random?: (() => number) | undefined;
}

export interface Transport {
  send(call: HttpCall): Promise<HttpResult>;
}

export function createTransport(options: TransportOptions): Transport {
  const { credentials, organizationUid } = options;
  const transport = createApiTransport({
    api: "contentstack-cma",
    logName: "contentstack",
    credentials: {
      headers: () => credentials.headers(organizationUid),
      afterUnauthorized: (sent) => credentials.recoverFromAuthFailure(tokenOf(sent)),
    },
    limiter: options.limiter,
    timeoutMs: options.timeoutMs,
    maxResponseBytes: options.maxResponseBytes,
    retry: options.retry,
    logger: options.logger,
    readError: readContentstackErrorBody,
    requestIdHeaders: [
      "x-request-id",
      "x-contentstack-request-id",
      "request-id",
      "x-amzn-requestid",
    ],
    fetch: options.fetch,
    clock: options.clock,
    random: options.random,
  });
  return {
    send: (call) =>
      transport({
        method: call.method,
        url: call.url,
        query: call.query,
        body: call.body,
        operation: call.operation,
        limiterKey: limiterKey(
          organizationUid,
          call.kind ?? (call.method === "GET" ? "read" : "write"),
        ),
        safeToRepeat: call.idempotent,
        signal: call.signal,
      }),
  };
}

/** The token a refused attempt carried, so a 401 already healed by another call is not refreshed twice. */
function tokenOf(sent: Readonly<Record<string, string>>): string | undefined {
  return sent.authtoken ?? sent.authorization?.replace(/^Bearer /, "");
}
