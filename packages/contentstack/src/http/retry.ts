import pRetry from "p-retry";
import { ContentstackApiError } from "../errors/contentstack-api-error";
import { RateLimitedError } from "../errors/rate-limited-error";

export interface RetryOptions {
  /** Attempts after the first one. @defaultValue 5 */
  retries?: number;
  /** First backoff delay. @defaultValue 250 */
  minDelayMs?: number;
  /** Longest backoff delay. @defaultValue 8000 */
  maxDelayMs?: number;
}

export interface RetryContext {
  /** The call is safe to repeat (GET, DELETE-by-key, search). */
  readonly idempotent: boolean;
  /** Called after a failed attempt that will be retried (for logs and limiter pauses). */
  readonly onRetry?: (
    error: ContentstackApiError,
    attempt: number,
    retriesLeft: number,
  ) => void | Promise<void>;
  readonly signal?: AbortSignal | undefined;
}

/**
 * Whether a failure may be retried. A 429 always may: the server refused the call before acting
 * on it. Anything else that is transient (5xx, network, timeout, a body cut in transit) may only
 * be retried when the call is idempotent, because a POST may have reached the server.
 */
export function isRetryable(error: unknown, idempotent: boolean): boolean {
  if (error instanceof RateLimitedError) return true;
  return idempotent && error instanceof ContentstackApiError && error.transient;
}

/** Runs `attempt` with exponential backoff and full jitter (p-retry `randomize`). */
export async function withRetry<T>(
  attempt: () => Promise<T>,
  context: RetryContext,
  options: RetryOptions = {},
): Promise<T> {
  return pRetry(attempt, {
    retries: options.retries ?? 5,
    minTimeout: options.minDelayMs ?? 250,
    maxTimeout: options.maxDelayMs ?? 8000,
    factor: 2,
    randomize: true,
    signal: context.signal,
    shouldRetry: ({ error }) => isRetryable(error, context.idempotent),
    onFailedAttempt: async ({ error, attemptNumber, retriesLeft }) => {
      if (
        retriesLeft > 0 &&
        error instanceof ContentstackApiError &&
        isRetryable(error, context.idempotent)
      ) {
        await context.onRetry?.(error, attemptNumber, retriesLeft);
      }
    },
  });
}
