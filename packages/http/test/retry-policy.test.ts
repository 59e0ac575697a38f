// Retry decisions as a table, Retry-After parsing, jitter bounds with a seeded random source.
import { describe, expect, it } from "vitest";
import {
  AuthError,
  BadRequestError,
  DEFAULT_RETRY_OPTIONS,
  InvalidResponseError,
  NetworkError,
  RateLimitedError,
  ServerError,
  TimeoutError,
  backoffDelay,
  decideRetry,
  isSafeToRepeat,
  parseRetryAfter,
  shouldRetry,
  withRetry,
} from "../src/index";

const limited = new RateLimitedError("429");
const server = new ServerError("503", { status: 503 });
const timeout = new TimeoutError("slow", { timeoutMs: 10 });
const dropped = new NetworkError("reset");
const refused = new NetworkError("refused", { connectionRefused: true });
const cut = new InvalidResponseError("cut", { reason: "unparseable" });
const shape = new InvalidResponseError("shape", { reason: "schema" });
const auth = new AuthError("401", { status: 401 });
const bad = new BadRequestError("400", { status: 400 });

describe("shouldRetry", () => {
  it.each([
    ["429", limited, true, true],
    ["refused connection", refused, true, true],
    ["5xx", server, true, false],
    ["timeout", timeout, true, false],
    ["dropped connection", dropped, true, false],
    ["cut body", cut, true, false],
    ["wrong shape", shape, false, false],
    ["401", auth, false, false],
    ["400", bad, false, false],
    ["a plain Error", new Error("x"), false, false],
  ])("%s: safe to repeat -> %s, unsafe -> %s", (_name, error, whenSafe, whenUnsafe) => {
    expect(shouldRetry(error, true)).toBe(whenSafe);
    expect(shouldRetry(error, false)).toBe(whenUnsafe);
  });

  it("takes idempotent methods as safe unless the caller says otherwise", () => {
    expect(
      ["GET", "PUT", "DELETE", "HEAD", "OPTIONS"].map((method) => isSafeToRepeat(method)),
    ).toEqual([true, true, true, true, true]);
    expect(isSafeToRepeat("POST")).toBe(false);
    expect(isSafeToRepeat("POST", true)).toBe(true);
    expect(isSafeToRepeat("DELETE", false)).toBe(false);
  });
});

/** A seeded linear congruential generator: the same draws on every run. */
function seeded(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_664_525 + 1_013_904_223) % 2 ** 32;
    return state / 2 ** 32;
  };
}

describe("backoff", () => {
  it("draws full jitter in [0, cap) with the cap doubling up to maxDelayMs", () => {
    const random = seeded(42);
    const options = { minDelayMs: 100, maxDelayMs: 1000 };
    for (let retry = 1; retry <= 8; retry++) {
      const cap = Math.min(1000, 100 * 2 ** (retry - 1));
      for (let draw = 0; draw < 50; draw++) {
        const delay = backoffDelay(retry, options, random);
        expect(delay).toBeGreaterThanOrEqual(0);
        expect(delay).toBeLessThan(cap);
      }
    }
    expect(backoffDelay(3, options, () => 0.999_999)).toBe(399);
    expect(backoffDelay(10, options, () => 0.5)).toBe(500);
  });

  it("after a 429 with no Retry-After, waits at least half the cap, so the retries outlast a one-second window", () => {
    const options = DEFAULT_RETRY_OPTIONS;
    const bare = limited;
    const unlucky = () => 0;
    const waits = [1, 2, 3, 4].map((attempt) => {
      const decision = decideRetry(bare, attempt, true, options, unlucky);
      return decision.retry ? decision.delayMs : -1;
    });
    expect(waits).toEqual([125, 250, 500, 1000]);
    expect(waits.reduce((a, b) => a + b, 0)).toBeGreaterThan(1000);
    // Other failures keep full jitter: a 5xx may retry at once.
    expect(decideRetry(server, 1, true, options, unlucky)).toEqual({ retry: true, delayMs: 0 });
  });

  it("waits at least Retry-After, and leaves a long one to the caller", () => {
    const options = { ...DEFAULT_RETRY_OPTIONS, retries: 3 };
    const asked = new RateLimitedError("429", { retryAfterMs: 5000 });
    expect(decideRetry(asked, 1, false, options, () => 0.5)).toEqual({
      retry: true,
      delayMs: 5000,
    });
    const tooLong = new RateLimitedError("429", { retryAfterMs: 120_000 });
    expect(decideRetry(tooLong, 1, true, options, () => 0.5)).toEqual({ retry: false });
    expect(decideRetry(limited, 4, true, options, () => 0.5)).toEqual({ retry: false });
    expect(decideRetry(server, 1, true, options, () => 0.5)).toEqual({ retry: true, delayMs: 125 });
  });

  it("withRetry sleeps on the injected clock, never on the wall clock", async () => {
    const waits: number[] = [];
    const clock = { now: () => 0, sleep: async (ms: number) => void waits.push(ms) };
    let attempts = 0;
    const result = await withRetry(
      async () => {
        attempts++;
        if (attempts < 4) throw server;
        return "ok";
      },
      {
        safeToRepeat: true,
        options: { ...DEFAULT_RETRY_OPTIONS, minDelayMs: 100 },
        clock,
        random: () => 0.5,
      },
    );
    expect(result).toBe("ok");
    expect(waits).toEqual([50, 100, 200]);
    await expect(
      withRetry(async () => Promise.reject(server), {
        safeToRepeat: false,
        options: DEFAULT_RETRY_OPTIONS,
        clock,
        random: () => 0.5,
      }),
    ).rejects.toBe(server);
  });
});

describe("parseRetryAfter", () => {
  const now = Date.parse("2026-12-01T12:00:00Z");
  it.each([
    ["2", 2000],
    ["0", 0],
    ["1.5", 1500],
    [" 3 ", 3000],
    ["Tue, 01 Dec 2026 12:00:30 GMT", 30_000],
    ["Tue, 01 Dec 2026 11:59:00 GMT", 0],
    ["soon", undefined],
    ["-1", undefined],
    ["", undefined],
    [null, undefined],
    [undefined, undefined],
  ])("%s -> %s ms", (value, expected) => {
    expect(parseRetryAfter(value, now)).toBe(expected);
  });
});
