// The one function that puts bytes on the wire for both clients. It refuses unsafe URLs (and paths
// that the URL parser would resolve to another route), never
// follows a redirect (a credential header must not travel to another host), bounds the call in
// time and the body in size, and turns transport failures into the error family.
import type { ApiErrorDetails, ApiName } from "../errors/api-error";
import { InsecureUrlError } from "../errors/insecure-url-error";
import { InvalidResponseError } from "../errors/invalid-response-error";
import { NetworkError } from "../errors/network-error";
import { RedirectRefusedError } from "../errors/redirect-refused-error";
import { TimeoutError } from "../errors/timeout-error";
import { isLoopbackHost } from "../url/base-url";
import { refuseDotSegments } from "../url/dot-segment";
import { describeNetworkFailure } from "./network-failure";
import { readLimitedBody } from "./read-limited-body";

/** Largest body read by default: far above any page of 100 members, far below trouble. */
export const DEFAULT_MAX_RESPONSE_BYTES = 10 * 1024 * 1024;

export interface SendRequestInput {
  readonly method: string;
  /** Absolute URL, query included. */
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body?: string | undefined;
  /** Time for connect, headers and the whole body. */
  readonly timeoutMs: number;
  /** @defaultValue {@link DEFAULT_MAX_RESPONSE_BYTES} */
  readonly maxResponseBytes?: number | undefined;
  /** The caller's own cancellation; its reason is rethrown as is. */
  readonly signal?: AbortSignal | undefined;
  readonly api?: ApiName | undefined;
  /** `METHOD route-template`, for errors. */
  readonly operation: string;
  /** @defaultValue globalThis.fetch */
  readonly fetch?: typeof fetch | undefined;
}

export interface RawResponse {
  readonly status: number;
  readonly headers: Headers;
  readonly text: string;
}

/**
 * Sends one request and reads the whole answer, whatever its status.
 * @throws InsecureUrlError, RedirectRefusedError, TimeoutError, NetworkError, ResponseTooLargeError
 */
export async function sendRequest(input: SendRequestInput): Promise<RawResponse> {
  const url = URL.parse(input.url);
  if (url === null || (url.protocol !== "https:" && url.protocol !== "http:"))
    throw new InsecureUrlError(`${input.operation}: not an http(s) URL`);
  if (url.protocol === "http:" && !isLoopbackHost(url.hostname))
    throw new InsecureUrlError(`${input.operation}: plain http is only allowed to loopback hosts`);
  refuseDotSegments(input.url, input.operation);
  const details: ApiErrorDetails = { api: input.api, operation: input.operation };
  const timeout = AbortSignal.timeout(input.timeoutMs);
  const signal = input.signal ? AbortSignal.any([timeout, input.signal]) : timeout;
  try {
    const response = await (input.fetch ?? fetch)(url, {
      method: input.method,
      headers: input.headers,
      body: input.body ?? null,
      signal,
      redirect: "error",
    });
    let text: string;
    try {
      text = await readLimitedBody(
        response,
        input.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES,
        details,
      );
    } catch (error) {
      if (signal.aborted || !(error instanceof TypeError)) throw error;
      // The headers arrived and the body was cut: the answer is incomplete, not absent.
      throw new InvalidResponseError(`${input.operation} answered a body that was cut off`, {
        ...details,
        status: response.status,
        reason: "unparseable",
        cause: error,
      });
    }
    return { status: response.status, headers: response.headers, text };
  } catch (error) {
    if (input.signal?.aborted) throw input.signal.reason as Error;
    if (timeout.aborted) {
      throw new TimeoutError(
        `${input.operation} got no complete answer within ${input.timeoutMs} ms`,
        { ...details, timeoutMs: input.timeoutMs, cause: error },
      );
    }
    if (error instanceof TypeError) {
      const failure = describeNetworkFailure(error);
      if (failure.redirect)
        throw new RedirectRefusedError(
          `${input.operation} answered with a redirect, which is never followed`,
          { ...details, cause: error },
        );
      throw new NetworkError(`${input.operation} failed: ${failure.message}`, {
        ...details,
        connectionRefused: failure.refused,
        cause: error,
      });
    }
    throw error;
  }
}
