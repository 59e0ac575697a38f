import { ApiError } from "../errors/api-error";
import { NetworkError } from "../errors/network-error";
import { RateLimitedError } from "../errors/rate-limited-error";

/** Backoff settings; every field has a default. */
export interface RetryOptions {
  /** Retries after the first attempt. @defaultValue 4 */
  retries?: number;
  /** Cap of the first backoff; each later cap doubles. @defaultValue 250 */
  minDelayMs?: number;
  /** Largest backoff cap. @defaultValue 8000 */
  maxDelayMs?: number;
  /**
   * A `Retry-After` longer than this is not waited out in-process: the error goes to the caller
   * (the worker reschedules the job for that long). @defaultValue 60000
   */
  maxRetryAfterMs?: number;
}

export const DEFAULT_RETRY_OPTIONS: Readonly<Required<RetryOptions>> = Object.freeze({
  retries: 4,
  minDelayMs: 250,
  maxDelayMs: 8000,
  maxRetryAfterMs: 60_000,
});

/** HTTP methods whose repetition cannot change the outcome (RFC 9110 §9.2.2). */
const IDEMPOTENT_METHODS = new Set(["GET", "HEAD", "OPTIONS", "PUT", "DELETE"]);

/** Whether a call may be sent twice: the caller's word when given, else its method's. */
export function isSafeToRepeat(method: string, callerSays?: boolean): boolean {
  return callerSays ?? IDEMPOTENT_METHODS.has(method.toUpperCase());
}

/**
 * Whether a failure may be retried. A 429 and a refused connection always may: the service did
 * not act on the call. Other transient failures (5xx, timeout, a dropped connection, a body cut in
 * transit) only when the call is safe to repeat, because a write may already have been applied.
 */
export function shouldRetry(error: unknown, safeToRepeat: boolean): boolean {
  if (error instanceof RateLimitedError) return true;
  if (error instanceof NetworkError && error.connectionRefused) return true;
  return safeToRepeat && error instanceof ApiError && error.retryable;
}

/**
 * Full-jitter exponential backoff: a uniform draw in [0, cap) where the cap doubles from
 * `minDelayMs` up to `maxDelayMs`. `random` returns [0, 1), as Math.random does.
 */
export function backoffDelay(
  retryNumber: number,
  options: Pick<Required<RetryOptions>, "minDelayMs" | "maxDelayMs">,
  random: () => number,
): number {
  const cap = Math.min(options.maxDelayMs, options.minDelayMs * 2 ** Math.max(0, retryNumber - 1));
  return Math.floor(random() * cap);
}

export type RetryDecision = { retry: false } | { retry: true; delayMs: number };

/**
 * What to do after failed attempt number `attempt` (1-based). A `Retry-After` sets the minimum
 * wait; one beyond `maxRetryAfterMs` ends the retries so the caller can reschedule.
 */
export function decideRetry(
  error: unknown,
  attempt: number,
  safeToRepeat: boolean,
  options: Required<RetryOptions>,
  random: () => number,
): RetryDecision {
  if (attempt > options.retries || !shouldRetry(error, safeToRepeat)) return { retry: false };
  const asked = error instanceof ApiError ? error.retryAfterMs : undefined;
  if (asked !== undefined && asked > options.maxRetryAfterMs) return { retry: false };
  const floor = asked ?? (error instanceof RateLimitedError ? throttleFloor(attempt, options) : 0);
  return { retry: true, delayMs: Math.max(floor, backoffDelay(attempt, options, random)) };
}

/**
 * The least wait after a 429 that names no `Retry-After` (Lytics sends none; Contentstack counts
 * per second): half the attempt's backoff cap. Full jitter alone may draw near-zero waits and
 * spend every retry inside the same one-second window; with the defaults this floor spreads the
 * four retries over at least 1.875 s.
 */
export function throttleFloor(
  retryNumber: number,
  options: Pick<Required<RetryOptions>, "minDelayMs" | "maxDelayMs">,
): number {
  return Math.floor(
    Math.min(options.maxDelayMs, options.minDelayMs * 2 ** Math.max(0, retryNumber - 1)) / 2,
  );
}
