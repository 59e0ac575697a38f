import pRetry from "p-retry";

import { InvalidResponseError } from "../errors/invalid-response-error";
import { NetworkError } from "../errors/network-error";
import { RateLimitedError } from "../errors/rate-limited-error";
import { ServerError } from "../errors/server-error";
import { TimeoutError } from "../errors/timeout-error";

/**
 * How a call may be repeated.
 * - `idempotent`: repeating it cannot change the outcome (GET, PUT, DELETE, the roles-replace
 *   POST), so any transient failure is retried.
 * - `unapplied-only`: repeating it could act twice (the v2 invite, project creation), so only
 *   failures that prove the call was not applied are retried: a 429, a refused connection.
 */
export type RetryPolicy = "idempotent" | "unapplied-only";

/** Backoff settings for 429 and transient failures. */
export interface RetryOptions {
  /**
   * Retries after the first attempt.
   * @defaultValue 4
   */
  retries?: number;
  /**
   * Delay before the first retry; later delays grow by a factor of 2 and are multiplied by a
   * random factor between 1 and 2 (jitter), because Lytics sends no `Retry-After`.
   * @defaultValue 250
   */
  minDelayMs?: number;
  /**
   * Upper bound of one delay.
   * @defaultValue 8000
   */
  maxDelayMs?: number;
}

export const DEFAULT_RETRY_OPTIONS: Readonly<Required<RetryOptions>> = Object.freeze({
  retries: 4,
  minDelayMs: 250,
  maxDelayMs: 8000,
});

/** True when `error` may be retried under `policy`. */
export function isRetryable(error: unknown, policy: RetryPolicy): boolean {
  if (error instanceof RateLimitedError) return true;
  if (error instanceof NetworkError && error.connectionRefused) return true;
  if (policy === "unapplied-only") return false;
  if (
    error instanceof ServerError ||
    error instanceof TimeoutError ||
    error instanceof NetworkError
  )
    return true;
  // A cut body is transient; a well-formed body of the wrong shape will not fix itself.
  return error instanceof InvalidResponseError && error.reason === "unparseable";
}

/** Runs `attempt` with backoff and jitter, retrying only what {@link isRetryable} allows. */
export async function withRetry<T>(
  attempt: (attemptNumber: number) => Promise<T>,
  policy: RetryPolicy,
  options: Required<RetryOptions>,
  onRetry: (error: unknown, attemptNumber: number) => void,
): Promise<T> {
  return pRetry(attempt, {
    retries: options.retries,
    minTimeout: options.minDelayMs,
    maxTimeout: options.maxDelayMs,
    factor: 2,
    randomize: true,
    shouldRetry: ({ error, retriesLeft, attemptNumber }) => {
      const retry = retriesLeft > 0 && isRetryable(error, policy);
      if (retry) onRetry(error, attemptNumber);
      return retry;
    },
  });
}
