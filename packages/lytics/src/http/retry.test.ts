import { describe, expect, it } from "vitest";

import { AuthError } from "../errors/auth-error";
import { ConflictError } from "../errors/conflict-error";
import { InvalidResponseError } from "../errors/invalid-response-error";
import { NetworkError } from "../errors/network-error";
import { RateLimitedError } from "../errors/rate-limited-error";
import { ServerError } from "../errors/server-error";
import { TimeoutError } from "../errors/timeout-error";
import { describeNetworkFailure } from "./network-failure";
import { isRetryable, withRetry } from "./retry";

const base = { api: "v2", method: "POST", route: "/v2/user", message: "x" } as const;

describe("isRetryable", () => {
  it("retries transient failures of idempotent calls only", () => {
    expect(isRetryable(new ServerError({ ...base, status: 503 }), "idempotent")).toBe(true);
    expect(isRetryable(new TimeoutError(base), "idempotent")).toBe(true);
    expect(isRetryable(new NetworkError({ ...base, connectionRefused: false }), "idempotent")).toBe(
      true,
    );
    expect(
      isRetryable(new InvalidResponseError({ ...base, reason: "unparseable" }), "idempotent"),
    ).toBe(true);
    expect(
      isRetryable(new InvalidResponseError({ ...base, reason: "unexpected-shape" }), "idempotent"),
    ).toBe(false);
    expect(isRetryable(new ConflictError({ ...base, status: 409 }), "idempotent")).toBe(false);
    expect(isRetryable(new AuthError({ ...base, status: 401 }), "idempotent")).toBe(false);
  });

  it("retries a write that is unsafe to repeat only when it provably was not applied", () => {
    expect(isRetryable(new RateLimitedError({ ...base, status: 429 }), "unapplied-only")).toBe(
      true,
    );
    expect(
      isRetryable(new NetworkError({ ...base, connectionRefused: true }), "unapplied-only"),
    ).toBe(true);
    expect(
      isRetryable(new NetworkError({ ...base, connectionRefused: false }), "unapplied-only"),
    ).toBe(false);
    expect(isRetryable(new ServerError({ ...base, status: 500 }), "unapplied-only")).toBe(false);
    expect(isRetryable(new TimeoutError(base), "unapplied-only")).toBe(false);
  });
});

describe("withRetry", () => {
  const fast = { retries: 3, minDelayMs: 1, maxDelayMs: 2 };

  it("stops after the allowed retries and rethrows the last error", async () => {
    let attempts = 0;
    const retried: number[] = [];
    const failing = withRetry(
      async () => {
        attempts += 1;
        throw new RateLimitedError({ ...base, status: 429 });
      },
      "idempotent",
      fast,
      (_error, attempt) => retried.push(attempt),
    );
    await expect(failing).rejects.toBeInstanceOf(RateLimitedError);
    expect(attempts).toBe(4);
    expect(retried).toEqual([1, 2, 3]);
  });

  it("does not retry what the policy forbids", async () => {
    let attempts = 0;
    const failing = withRetry(
      async () => {
        attempts += 1;
        throw new ServerError({ ...base, status: 502 });
      },
      "unapplied-only",
      fast,
      () => undefined,
    );
    await expect(failing).rejects.toBeInstanceOf(ServerError);
    expect(attempts).toBe(1);
  });
});

describe("describeNetworkFailure", () => {
  it("sees a refused connection, also behind the dual-stack AggregateError", () => {
    const refused = new TypeError("fetch failed", {
      cause: new AggregateError([
        Object.assign(new Error("a"), { code: "ECONNREFUSED" }),
        Object.assign(new Error("b"), { code: "ECONNREFUSED" }),
      ]),
    });
    expect(describeNetworkFailure(refused)).toEqual({
      message: "connection refused",
      refused: true,
    });
    const reset = new TypeError("fetch failed", {
      cause: Object.assign(new Error("other side closed"), { code: "UND_ERR_SOCKET" }),
    });
    expect(describeNetworkFailure(reset)).toEqual({
      message: "connection failed (UND_ERR_SOCKET)",
      refused: false,
    });
  });
});
