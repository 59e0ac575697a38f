import {
  DEFAULT_RETRY_OPTIONS,
  silentLogger,
  type Clock,
  type Logger,
  type RetryOptions,
} from "@lytics-access/http";
import { z } from "zod";

import { parseInput } from "../errors/invalid-input-error";
import { DEFAULT_ROLES_CACHE_TTL_MS } from "../roles/role-slug-cache";
import { DEFAULT_RATE_PER_SECOND, sharedRateLimiter, type RateLimiter } from "./rate-limiter";

/** How long one attempt may take, headers and body, before it is abandoned. */
export const DEFAULT_TIMEOUT_MS = 15_000;

/** Options both clients share. */
export interface CommonClientOptions {
  /**
   * Where call records go. Records carry the API, method, route template, status, attempt and
   * duration; never a credential, id or email.
   * @defaultValue a silent logger
   */
  logger?: Logger;
  /**
   * Time allowed for one attempt (connect, headers and body).
   * @defaultValue 15000
   */
  timeoutMs?: number;
  /**
   * Calls per second this process makes to one account (v2) or one organization (Management
   * API). Lytics publishes no limit; clients with the same key and rate share one limiter.
   * @defaultValue 10
   */
  ratePerSecond?: number;
  /**
   * Backoff for 429 (always) and 5xx, timeout and network failures (calls safe to repeat only).
   * @defaultValue `{retries: 4, minDelayMs: 250, maxDelayMs: 8000, maxRetryAfterMs: 60000}`
   */
  retry?: RetryOptions;
  /** Largest response body read; a larger one ends in ResponseTooLargeError. @defaultValue 10 MiB */
  maxResponseBytes?: number;
  /** Time source for backoff and pacing (tests). @defaultValue the system clock */
  clock?: Clock;
  /** The fetch every call goes through (tests observe calls in flight). @defaultValue globalThis.fetch */
  fetch?: typeof fetch;
  /** [0, 1) source for backoff jitter (tests). @defaultValue Math.random */
  random?: () => number;
  /**
   * How long the list of valid role slugs is kept before it is read again.
   * @defaultValue 300000 (5 minutes)
   */
  rolesCacheTtlMs?: number;
  /** A limiter to use instead of the shared one (tests, or a caller pacing several clients together). */
  rateLimiter?: RateLimiter;
}

const commonSchema = z.object({
  timeoutMs: z.number().int().positive().max(600_000).default(DEFAULT_TIMEOUT_MS),
  ratePerSecond: z.number().positive().max(10_000).default(DEFAULT_RATE_PER_SECOND),
  retry: z
    .object({
      retries: z.number().int().min(0).max(20).default(DEFAULT_RETRY_OPTIONS.retries),
      minDelayMs: z.number().int().min(0).default(DEFAULT_RETRY_OPTIONS.minDelayMs),
      maxDelayMs: z.number().int().min(0).default(DEFAULT_RETRY_OPTIONS.maxDelayMs),
      maxRetryAfterMs: z.number().int().min(0).default(DEFAULT_RETRY_OPTIONS.maxRetryAfterMs),
    })
    .default(DEFAULT_RETRY_OPTIONS),
  rolesCacheTtlMs: z.number().int().min(0).default(DEFAULT_ROLES_CACHE_TTL_MS),
  maxResponseBytes: z.number().int().positive().optional(),
});

export interface ResolvedCommonOptions {
  logger: Logger;
  timeoutMs: number;
  limiter: RateLimiter;
  limiterKey: string;
  retry: Required<RetryOptions>;
  rolesCacheTtlMs: number;
  maxResponseBytes: number | undefined;
  clock: Clock | undefined;
  fetch: typeof fetch | undefined;
  random: (() => number) | undefined;
}

/**
 * Validates the shared options and fills in defaults.
 *
 * @throws {@link InvalidInputError} naming each bad option.
 */
export function resolveCommonOptions(
  options: CommonClientOptions,
  limiterKey: string,
  component: string,
): ResolvedCommonOptions {
  const parsed = parseInput(
    commonSchema,
    {
      timeoutMs: options.timeoutMs,
      ratePerSecond: options.ratePerSecond,
      retry: options.retry,
      rolesCacheTtlMs: options.rolesCacheTtlMs,
      maxResponseBytes: options.maxResponseBytes,
    },
    "Lytics client options",
  );
  return {
    logger: (options.logger ?? silentLogger()).child({ component }),
    timeoutMs: parsed.timeoutMs,
    limiter: options.rateLimiter ?? sharedRateLimiter(parsed.ratePerSecond, options.clock),
    limiterKey,
    retry: parsed.retry,
    rolesCacheTtlMs: parsed.rolesCacheTtlMs,
    maxResponseBytes: parsed.maxResponseBytes,
    clock: options.clock,
    fetch: options.fetch,
    random: options.random,
  };
}
