// How the v2 client behaves when Lytics misbehaves: 429 storms, 5xx, cut and empty bodies,
// dropped connections, slow answers; and that its own pacing holds the configured rate.
import { Writable } from "node:stream";

import {
  createVirtualTime,
  useFreshEmulator,
  type VirtualTime,
} from "@lytics-access/emulators/testing";
import { beforeEach, describe, expect, it } from "vitest";

import {
  createLyticsLogger,
  InvalidResponseError,
  NetworkError,
  RateLimitedError,
  ServerError,
  TimeoutError,
} from "../src/index";
import { createRateLimiter } from "../src/http/rate-limiter";
import {
  ACME_WEB,
  callLog,
  closedPortUrl,
  countOf,
  expectPaced,
  faultHits,
  FAST_RETRY,
  injectFault,
  startLytics,
  userClient,
  type Emulator,
} from "./support/emulator";

// The emulator runs on virtual time (createVirtualTime), fresh for each test and going on
// from the last one; the pacing tests put their clients on it too, so arrival times are exact.
let time: VirtualTime = createVirtualTime();
beforeEach(() => {
  time = createVirtualTime(time.now() + 60_000);
});
let emulator: Emulator;
useFreshEmulator(
  () => startLytics({ now: () => time.now() }),
  (started) => (emulator = started),
);

const attemptsAllowed = FAST_RETRY.retries + 1;

describe("429 and 5xx", () => {
  it("backs off through a burst of 429s and succeeds", async () => {
    await injectFault(emulator.url, {
      route: "/v2/user",
      method: "GET",
      times: 3,
      fault: { kind: "status", status: 429 },
    });
    expect(await userClient(emulator.url).listUsers()).toHaveLength(5);
    expect(await countOf(emulator.url, "GET /v2/user")).toBe(4);
  });

  it("stops retrying a 429 storm after the allowed retries", async () => {
    await injectFault(emulator.url, {
      route: "/v2/user",
      method: "GET",
      fault: { kind: "status", status: 429 },
    });
    // Backoff waits are recorded, not slept: the client's own events show what it did.
    const waits: number[] = [];
    const clock = { now: () => Date.now(), sleep: async (ms: number) => void waits.push(ms) };
    const error = await userClient(emulator.url, ACME_WEB, { clock })
      .listUsers()
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(RateLimitedError);
    expect(error).toMatchObject({ status: 429, code: "RATE_LIMITED" });
    expect(await countOf(emulator.url, "GET /v2/user")).toBe(attemptsAllowed);
    // Nothing keeps retrying in the background: one wait before each retry, none after giving up.
    expect(waits).toHaveLength(FAST_RETRY.retries);
    await new Promise((resolve) => setImmediate(resolve));
    expect(waits).toHaveLength(FAST_RETRY.retries);
    expect(await countOf(emulator.url, "GET /v2/user")).toBe(attemptsAllowed);
  });

  it("retries a 5xx on reads and on the idempotent roles replace", async () => {
    await injectFault(emulator.url, {
      route: "/v2/user/:id/roles",
      times: 2,
      fault: { kind: "status", status: 503 },
    });
    expect((await userClient(emulator.url).replaceRoles("lu_mia", ["marketer"])).roles).toEqual([
      "marketer",
    ]);
    expect(await countOf(emulator.url, "POST /v2/user/:id/roles")).toBe(3);
  });

  it("gives up on a lasting 5xx with a ServerError that keeps the status", async () => {
    await injectFault(emulator.url, {
      route: "/v2/user/:id",
      method: "GET",
      fault: { kind: "status", status: 500 },
    });
    const error = await userClient(emulator.url)
      .getUser("lu_mia")
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ServerError);
    expect(error).toMatchObject({
      status: 500,
      api: "lytics-v2",
      method: "GET",
      route: "/v2/user/:id",
    });
    expect(await countOf(emulator.url, "GET /v2/user/:id")).toBe(attemptsAllowed);
  });

  it("does not repeat an invite after a 5xx (it may have been applied), but does after a 429", async () => {
    await injectFault(emulator.url, {
      route: "/v2/user",
      method: "POST",
      times: 1,
      fault: { kind: "status", status: 502 },
    });
    const client = userClient(emulator.url);
    await expect(
      client.inviteUser({ email: "a@acme.test", roles: ["observer"] }),
    ).rejects.toBeInstanceOf(ServerError);
    expect(await countOf(emulator.url, "POST /v2/user")).toBe(1);

    await injectFault(emulator.url, {
      route: "/v2/user",
      method: "POST",
      times: 2,
      fault: { kind: "status", status: 429 },
    });
    const { created } = await client.inviteUser({ email: "b@acme.test", roles: ["observer"] });
    expect(created).toBe(true);
    expect(await countOf(emulator.url, "POST /v2/user")).toBe(4);
  });
});

describe("malformed, truncated and empty answers", () => {
  it("a truncated list is an InvalidResponseError, never a shorter list", async () => {
    await injectFault(emulator.url, {
      route: "/v2/user",
      method: "GET",
      fault: { kind: "truncate" },
    });
    const error = await userClient(emulator.url)
      .listUsers()
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(InvalidResponseError);
    expect(error).toMatchObject({ reason: "unparseable", status: 200 });
    expect(await countOf(emulator.url, "GET /v2/user")).toBe(attemptsAllowed);
  });

  it("a read cut once is retried and then complete", async () => {
    await injectFault(emulator.url, {
      route: "/v2/user",
      method: "GET",
      times: 1,
      fault: { kind: "truncate" },
    });
    expect(await userClient(emulator.url).listUsers()).toHaveLength(5);
  });

  it("a truncated invite answer is not retried", async () => {
    await injectFault(emulator.url, {
      route: "/v2/user",
      method: "POST",
      fault: { kind: "truncate" },
    });
    await expect(
      userClient(emulator.url).inviteUser({ email: "c@acme.test", roles: ["observer"] }),
    ).rejects.toBeInstanceOf(InvalidResponseError);
    expect(await countOf(emulator.url, "POST /v2/user")).toBe(1);
  });

  it("an emptied listing is returned as empty (Lytics gives no count to check against)", async () => {
    await injectFault(emulator.url, {
      route: "/v2/user",
      method: "GET",
      times: 1,
      fault: { kind: "empty" },
    });
    expect(await userClient(emulator.url).listUsers()).toEqual([]);
  });
});

describe("dropped connections and timeouts", () => {
  it("a dropped read is retried; a lasting drop ends in NetworkError", async () => {
    await injectFault(emulator.url, {
      route: "/v2/user",
      method: "GET",
      times: 1,
      fault: { kind: "drop" },
    });
    expect(await userClient(emulator.url).listUsers()).toHaveLength(5);
    await injectFault(emulator.url, { route: "/v2/user", method: "GET", fault: { kind: "drop" } });
    const error = await userClient(emulator.url)
      .listUsers()
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(NetworkError);
    expect(error).toMatchObject({ connectionRefused: false });
  });

  it("a dropped invite is not repeated", async () => {
    await injectFault(emulator.url, { route: "/v2/user", method: "POST", fault: { kind: "drop" } });
    await expect(
      userClient(emulator.url).inviteUser({ email: "d@acme.test", roles: ["observer"] }),
    ).rejects.toBeInstanceOf(NetworkError);
    // A dropped call never completes, so the emulator counts it as a fault hit, not as a call.
    expect(await faultHits(emulator.url)).toEqual([1]);
  });

  it("a refused connection is reported as refused, after the retries", async () => {
    const client = userClient(await closedPortUrl());
    const error = await client.listUsers().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(NetworkError);
    expect(error).toMatchObject({
      connectionRefused: true,
      message: expect.stringContaining("connection refused"),
    });
  });

  it("a slow answer ends in TimeoutError", async () => {
    await injectFault(emulator.url, {
      route: "/v2/user",
      method: "GET",
      fault: { kind: "latency", ms: 400 },
    });
    const client = userClient(emulator.url, ACME_WEB, {
      timeoutMs: 50,
      retry: { retries: 1, minDelayMs: 1, maxDelayMs: 1 },
    });
    const error = await client.listUsers().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(TimeoutError);
    expect(error).toMatchObject({ code: "TIMEOUT", route: "/v2/user" });
  });
});

describe("pacing", () => {
  it("holds the configured rate per account", async () => {
    const rate = 5;
    const client = userClient(emulator.url, ACME_WEB, {
      rateLimiter: createRateLimiter(rate, time),
      clock: time,
      fetch: time.fetch,
    });
    await Promise.all(Array.from({ length: 12 }, () => client.listUsers()));
    const starts = (await callLog(emulator.url)).calls
      .filter((call) => call.key === "GET /v2/user")
      .map((call) => call.at);
    expect(starts).toHaveLength(12);
    starts.sort((a, b) => a - b);
    expectPaced(starts, rate);
  });

  it("rides out the service's own limiter with backoff when asked to go faster than it allows", async () => {
    // On virtual time the 12 calls certainly arrive inside one of the service's windows.
    const limited = await startLytics({ rateLimitPerSecond: 5, now: () => time.now() });
    try {
      const client = userClient(limited.url, ACME_WEB, {
        rateLimiter: createRateLimiter(100, time),
        retry: { retries: 10, minDelayMs: 100, maxDelayMs: 1000 },
        clock: time,
        fetch: time.fetch,
      });
      const results = await Promise.all(Array.from({ length: 12 }, () => client.listUsers()));
      expect(results.every((users) => users.length === 5)).toBe(true);
      const statuses = (await callLog(limited.url)).calls.map((call) => call.status);
      expect(statuses.filter((status) => status === 429).length).toBeGreaterThan(0);
      expect(statuses.filter((status) => status === 200)).toHaveLength(12);
    } finally {
      await limited.close();
    }
  });
});

describe("logs", () => {
  it("record every attempt and never carry the token, ids or emails", async () => {
    let output = "";
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        output += chunk.toString();
        done();
      },
    });
    const logger = createLyticsLogger({ level: "debug" }, sink);
    const client = userClient(emulator.url, ACME_WEB, { logger });
    await injectFault(emulator.url, {
      route: "/v2/user/:id",
      method: "GET",
      times: 1,
      fault: { kind: "status", status: 503 },
    });
    await client.getUser("mia.member@acme.test");
    await client.replaceRoles("lu_mia", ["marketer"]);
    await userClient(emulator.url, { ...ACME_WEB, token: "at.wrong-secret-token" }, { logger })
      .listUsers()
      .catch(() => undefined);
    logger.info(
      { apiToken: ACME_WEB.token, headers: { authorization: ACME_WEB.token } },
      "a careless caller",
    );

    const lines = output
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines.filter((line) => line.msg === "lytics call").length).toBeGreaterThanOrEqual(5);
    expect(
      lines.some(
        (line) =>
          line.msg === "lytics call failed; retrying" && line.operation === "GET /v2/user/:id",
      ),
    ).toBe(true);
    expect(output).not.toContain(ACME_WEB.token);
    expect(output).not.toContain("wrong-secret-token");
    expect(output).not.toContain("mia.member@acme.test");
    expect(output).not.toContain("lu_mia");
  });
});
