// The control plane every emulator shares: faults hit the calls they name, counts are complete
// (dropped calls included), and a held request never keeps the emulator from closing.
import Fastify, { type FastifyInstance } from "fastify";
import { afterEach, describe, expect, it, vi } from "vitest";

import { loadFixture } from "../../src/fixtures/load-fixture";
import { installControlPlane, type ControlPlane } from "../../src/shared/control-plane";
import { createEmulatorClock } from "../../src/shared/emulator-clock";
import { listenOnLoopback } from "../../src/shared/listen";

interface Harness {
  url: string;
  app: FastifyInstance;
  plane: ControlPlane;
  readonly resets: number;
  /** How many times the /items route itself ran. */
  readonly handled: number;
}

/** A frozen base time: only `POST /_emulator/clock` moves these emulators' clock. */
const FROZEN_AT = 1_767_225_600_000;

async function start(enabled = true, sleep?: (ms: number) => Promise<void>): Promise<Harness> {
  const app = Fastify();
  const counters = { resets: 0, handled: 0 };
  const plane = installControlPlane(app, {
    enabled,
    clock: createEmulatorClock(() => FROZEN_AT),
    ...(sleep === undefined ? {} : { sleep }),
    errorBody: (status) => ({ error_message: `status ${status}` }),
    reset: () => void (counters.resets += 1),
    loadFixture: () => undefined,
  });
  app.get("/items", async () => {
    counters.handled += 1;
    return { items: [1, 2, 3], count: 3 };
  });
  const port = await listenOnLoopback(app, 0);
  return {
    app,
    plane,
    url: `http://127.0.0.1:${port}`,
    get resets() {
      return counters.resets;
    },
    get handled() {
      return counters.handled;
    },
  };
}

const addFault = (url: string, body: unknown) =>
  fetch(`${url}/_emulator/faults`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });

describe("control plane", () => {
  const running: Harness[] = [];
  afterEach(async () => {
    await Promise.all(running.splice(0).map((harness) => harness.app.close()));
  });

  it("lets `after` calls through, then hits `times` calls with the fault, then lets calls through again", async () => {
    const harness = await start();
    running.push(harness);
    await addFault(harness.url, {
      route: "/items",
      after: 1,
      times: 2,
      fault: { kind: "status", status: 503 },
    });
    const statuses = [];
    for (let call = 0; call < 4; call += 1)
      statuses.push((await fetch(`${harness.url}/items`)).status);
    expect(statuses).toEqual([200, 503, 503, 200]);
    const calls = (await (await fetch(`${harness.url}/_emulator/calls`)).json()) as {
      counts: Record<string, number>;
    };
    expect(calls.counts["GET /items"]).toBe(4);
  });

  it("injects a success status with a body of the wrong shape", async () => {
    const harness = await start();
    running.push(harness);
    await addFault(harness.url, {
      route: "/items",
      fault: { kind: "status", status: 200, body: { itemz: "nope" } },
    });
    const response = await fetch(`${harness.url}/items`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ itemz: "nope" });
  });

  it("truncates and empties JSON answers", async () => {
    const harness = await start();
    running.push(harness);
    await addFault(harness.url, { route: "/items", times: 1, fault: { kind: "truncate" } });
    await addFault(harness.url, { route: "/items", after: 1, times: 1, fault: { kind: "empty" } });
    const truncated = await (await fetch(`${harness.url}/items`)).text();
    expect(() => JSON.parse(truncated) as unknown).toThrow();
    expect(await (await fetch(`${harness.url}/items`)).json()).toEqual({ items: [], count: 0 });
  });

  it("counts a dropped call as status 0", async () => {
    const harness = await start();
    running.push(harness);
    await addFault(harness.url, { route: "/items", times: 1, fault: { kind: "drop" } });
    await expect(fetch(`${harness.url}/items`)).rejects.toThrow();
    const { calls } = harness.plane.calls.snapshot();
    expect(calls.map((call) => [call.key, call.status])).toEqual([["GET /items", 0]]);
  });

  it("still runs a delayed request whose client gave up, as a real server would", async () => {
    // The latency is a wait the test ends itself: no race between the client's patience and a timer.
    const waits: Array<{ ms: number; release: () => void }> = [];
    const sleep = (ms: number) =>
      new Promise<void>((resolve) => waits.push({ ms, release: resolve }));
    const harness = await start(true, sleep);
    running.push(harness);
    await addFault(harness.url, { route: "/items", times: 1, fault: { kind: "latency", ms: 300 } });
    const client = new AbortController();
    const call = fetch(`${harness.url}/items`, { signal: client.signal });
    await vi.waitFor(() => expect(waits).toHaveLength(1), { timeout: 60_000 });
    expect(waits[0]?.ms).toBe(300);
    client.abort(); // the client gives up while the server still waits
    await expect(call).rejects.toThrow();
    expect(harness.handled).toBe(0);
    waits[0]?.release();
    await vi.waitFor(() => expect(harness.handled).toBe(1), { timeout: 60_000 });
  });

  it("refuses an invalid fault and resets on request", async () => {
    const harness = await start();
    running.push(harness);
    const refused = await addFault(harness.url, {
      route: "/items",
      fault: { kind: "status", status: 99 },
    });
    expect(refused.status).toBe(400);
    expect((await fetch(`${harness.url}/_emulator/reset`, { method: "POST" })).status).toBe(204);
    expect(harness.resets).toBe(1);
  });

  it("stamps calls with their arrival on the emulator clock, which the control API moves forward only", async () => {
    const harness = await start();
    running.push(harness);
    const clock = (body?: unknown) =>
      fetch(`${harness.url}/_emulator/clock`, {
        method: body === undefined ? "GET" : "POST",
        ...(body === undefined
          ? {}
          : { headers: { "content-type": "application/json" }, body: JSON.stringify(body) }),
      });
    expect(await (await clock()).json()).toEqual({ now: FROZEN_AT });
    await fetch(`${harness.url}/items`);
    expect(await (await clock({ advanceMs: 1500 })).json()).toEqual({ now: FROZEN_AT + 1500 });
    await fetch(`${harness.url}/items`);
    expect(harness.plane.calls.snapshot().calls.map((call) => call.at)).toEqual([
      FROZEN_AT,
      FROZEN_AT + 1500,
    ]);
    expect((await clock({ advanceMs: -1 })).status).toBe(400);
    expect((await clock({ advanceMs: "1s" })).status).toBe(400);
    expect(await (await clock()).json()).toEqual({ now: FROZEN_AT + 1500 });
  });

  it("serves no control routes when disabled, while faults set in-process still apply", async () => {
    const harness = await start(false);
    running.push(harness);
    expect((await fetch(`${harness.url}/_emulator/calls`)).status).toBe(404);
    harness.plane.faults.add({ route: "*", fault: { kind: "status", status: 429 } });
    expect((await fetch(`${harness.url}/items`)).status).toBe(429);
  });

  it("loads the default fixture that ships", () => {
    const fixture = loadFixture();
    expect(fixture.organizations.map((org) => org.name)).toEqual(["Acme Corporation", "Globex"]);
  });
});

describe("listenOnLoopback", () => {
  it("answers on both 127.0.0.1 and ::1 with one port, and closes both", async () => {
    const app = Fastify();
    app.get("/ping", async () => ({ pong: true }));
    const port = await listenOnLoopback(app, 0);
    try {
      expect(await (await fetch(`http://127.0.0.1:${port}/ping`)).json()).toEqual({ pong: true });
      expect(await (await fetch(`http://[::1]:${port}/ping`)).json()).toEqual({ pong: true });
    } finally {
      await app.close();
    }
    await expect(fetch(`http://[::1]:${port}/ping`)).rejects.toThrow();
    await expect(fetch(`http://127.0.0.1:${port}/ping`)).rejects.toThrow();
  });
});
