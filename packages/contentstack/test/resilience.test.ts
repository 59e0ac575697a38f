// 429 storms, 5xx, dropped connections and slow answers against the emulator, and the proof from
// its call log that the limiter holds the published budget (10 reads/s per organization). The
// budget is checked on virtual time that the client and the emulator share (see createVirtualTime),
// so the emulator's arrival times are exact, not the wall clock's on a busy machine.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  ServerError,
  NetworkError,
  RateLimitedError,
  TimeoutError,
  createRateLimiter,
} from "../src/index";
import {
  addFault,
  calls,
  clientFor,
  control,
  fixtureWithManyMembers,
  maxInWindow,
  startEmulator,
  type Emulator,
} from "./support/emulator";
import { createVirtualTime, type VirtualTime } from "@lytics-access/emulators/testing";

const SHARE = "/v3/organizations/:org_uid/share";
const ORG_ROUTE = "/v3/organizations/:org_uid";
let emulator: Emulator;
/** The emulator's time; each test gets a fresh timeline that goes on from the last one. */
let time: VirtualTime = createVirtualTime();

beforeAll(async () => {
  // The emulator enforces the real limit too: a client that overran it would see 429s.
  emulator = await startEmulator({
    rateLimit: { readsPerSecond: 10, writesPerSecond: 10 },
    now: () => time.now(),
  });
});
afterAll(async () => {
  await emulator.close();
});
beforeEach(async () => {
  time = createVirtualTime(time.now() + 60_000);
  await control(emulator, "POST", "/reset");
  await control(emulator, "DELETE", "/faults");
  await control(emulator, "DELETE", "/calls");
});

/** A private limiter and the fetch on the test's virtual time (pass `clock: time` beside it). */
const paced = () => ({ limiter: createRateLimiter({ clock: time }), fetch: time.fetch });

const acmeReads = (recorded: Array<{ at: number; key: string; status: number }>) =>
  recorded.filter((call) => call.key.startsWith("GET /v3/organizations/:org_uid"));

describe("rate limiting", () => {
  it("a long listing never exceeds 10 reads in any 1 s window, and the server never says 429", async () => {
    await control(emulator, "POST", "/fixture", fixtureWithManyMembers(260));
    await control(emulator, "DELETE", "/calls");
    const client = await clientFor(emulator, { pageSize: 10, ...paced(), clock: time });
    const members = await client.listMembers();
    expect(members).toHaveLength(268);
    const recorded = acmeReads((await calls(emulator)).calls);
    expect(recorded.length).toBe(29); // org + roles + 27 pages
    expect(maxInWindow(recorded, 1000)).toBeLessThanOrEqual(10);
    expect(recorded.filter((call) => call.status === 429)).toEqual([]);
  });

  it("a 429 storm in the middle of a listing: retries still stay within 10 reads per second", async () => {
    await control(emulator, "POST", "/fixture", fixtureWithManyMembers(260));
    await control(emulator, "DELETE", "/calls");
    await addFault(emulator, {
      route: SHARE,
      method: "GET",
      after: 3,
      times: 3,
      fault: { kind: "status", status: 429 },
    });
    const client = await clientFor(emulator, { pageSize: 20, ...paced(), clock: time });
    const members = await client.listMembers();
    expect(members).toHaveLength(268);
    const recorded = acmeReads((await calls(emulator)).calls);
    expect(recorded.filter((call) => call.status === 429)).toHaveLength(3);
    expect(maxInWindow(recorded, 1000)).toBeLessThanOrEqual(10);
  });

  it("clients sharing a limiter share the organization's budget", async () => {
    const shared = { limiter: createRateLimiter({ clock: time }), fetch: time.fetch, clock: time };
    const clients = await Promise.all([
      clientFor(emulator, shared),
      clientFor(emulator, shared),
      clientFor(emulator, shared),
    ]);
    await Promise.all(
      clients.flatMap((client) => Array.from({ length: 8 }, () => client.getOrganization())),
    );
    const recorded = acmeReads((await calls(emulator)).calls);
    expect(recorded).toHaveLength(24);
    expect(maxInWindow(recorded, 1000)).toBeLessThanOrEqual(10);
    expect(recorded.some((call) => call.status === 429)).toBe(false);
  });
});

describe("429 storms and 5xx", () => {
  it("backs off through a 429 storm", async () => {
    await addFault(emulator, {
      route: ORG_ROUTE,
      method: "GET",
      times: 3,
      fault: { kind: "status", status: 429 },
    });
    // The backoff waits are recorded, not timed: full jitter with a fixed draw of 0.5.
    const waits: number[] = [];
    const clock = { now: () => Date.now(), sleep: async (ms: number) => void waits.push(ms) };
    const client = await clientFor(emulator, { clock, random: () => 0.5 });
    const organization = await client.getOrganization();
    expect(organization.uid).toBe("blt_org_acme");
    const recorded = (await calls(emulator)).calls;
    expect(recorded.map((call) => call.status)).toEqual([429, 429, 429, 200]);
    // Caps 20, 40, 80 ms (doubling from minDelayMs); each wait is half its cap.
    expect(waits).toEqual([10, 20, 40]);
  });

  it("gives up after the retry budget with a RateLimitedError carrying the API code", async () => {
    await addFault(emulator, {
      route: ORG_ROUTE,
      method: "GET",
      fault: { kind: "status", status: 429 },
    });
    const error = await (
      await clientFor(emulator)
    )
      .getOrganization()
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(RateLimitedError);
    expect(error).toMatchObject({ status: 429, apiCode: 141, api: "contentstack-cma" });
    expect((await calls(emulator)).counts[`GET ${ORG_ROUTE}`]).toBe(4);
  });

  it("retries a GET through 5xx", async () => {
    await addFault(emulator, {
      route: SHARE,
      method: "GET",
      times: 2,
      fault: { kind: "status", status: 503 },
    });
    expect(await (await clientFor(emulator)).listMembers()).toHaveLength(8);
    expect((await calls(emulator)).counts[`GET ${SHARE}`]).toBe(3);
  });

  it("never repeats an invitation after a 5xx (it may have reached the server)", async () => {
    await addFault(emulator, {
      route: SHARE,
      method: "POST",
      times: 1,
      fault: { kind: "status", status: 502 },
    });
    const error = await (
      await clientFor(emulator)
    )
      .inviteMembers([{ email: "once@acme.test", role: "member" }])
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ServerError);
    expect(error).toMatchObject({ status: 502, code: "SERVER_ERROR", api: "contentstack-cma" });
    expect((await calls(emulator)).counts[`POST ${SHARE}`]).toBe(1);
  });

  it("does repeat an invitation refused with 429 (the server did not act on it)", async () => {
    await addFault(emulator, {
      route: SHARE,
      method: "POST",
      times: 2,
      fault: { kind: "status", status: 429 },
    });
    const invited = await (
      await clientFor(emulator)
    ).inviteMembers([{ email: "later@acme.test", role: "member" }]);
    expect(invited.map((member) => member.email)).toEqual(["later@acme.test"]);
    expect((await calls(emulator)).counts[`POST ${SHARE}`]).toBe(3);
  });

  it("retries an idempotent removal through 5xx", async () => {
    await addFault(emulator, {
      route: SHARE,
      method: "DELETE",
      times: 1,
      fault: { kind: "status", status: 500 },
    });
    await (await clientFor(emulator)).removeMembers(["mona.member@acme.test"]);
    expect((await calls(emulator)).counts[`DELETE ${SHARE}`]).toBe(2);
  });
});

describe("network failures and timeouts", () => {
  it("a dropped connection is retried for a GET and ends in NetworkError when it persists", async () => {
    await addFault(emulator, {
      route: ORG_ROUTE,
      method: "GET",
      times: 1,
      fault: { kind: "drop" },
    });
    const client = await clientFor(emulator);
    expect((await client.getOrganization()).uid).toBe("blt_org_acme");
    await addFault(emulator, { route: ORG_ROUTE, method: "GET", fault: { kind: "drop" } });
    await expect(client.getOrganization()).rejects.toBeInstanceOf(NetworkError);
  });
});

describe("timeouts", () => {
  // Own emulator: after a client abandons a request held by a latency fault, the emulator's
  // close() never resolves (reported to its owner), so this one is closed without waiting forever.
  let slow: Emulator;
  beforeAll(async () => {
    slow = await startEmulator();
  });
  afterAll(async () => {
    await Promise.race([slow.close(), new Promise((resolve) => setTimeout(resolve, 1000))]);
  });

  it("every call has a timeout", async () => {
    await addFault(slow, { route: ORG_ROUTE, method: "GET", fault: { kind: "latency", ms: 400 } });
    const client = await clientFor(slow, { timeoutMs: 100, retry: { retries: 1, minDelayMs: 10 } });
    const error = await client.getOrganization().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(TimeoutError);
    expect(error).toMatchObject({ timeoutMs: 100, code: "TIMEOUT", retryable: true });
    expect((await calls(slow)).calls.length).toBeLessThanOrEqual(2);
  });
});
