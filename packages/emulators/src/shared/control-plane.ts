// The `/_emulator/` control API every emulator carries: call counts, fault injection, reset and
// fixture loading. Tests and benchmarks drive the emulators through it; production code never sees
// it. It is only served when the emulator runs in local mode (bound to loopback), because it lets
// anyone rewrite the emulated world.
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { z } from "zod";

import { fixtureSchema, type Fixture } from "../fixtures/fixture-schema";
import { CallCounter } from "./call-counter";
import { arrivalOf, recordArrival, type EmulatorClock } from "./emulator-clock";
import type { Fault } from "./fault";
import { FaultInjector } from "./fault-injector";

export const CONTROL_PREFIX = "/_emulator";

/** `POST /_emulator/clock`: forward only, at most a year at a time. */
const advanceSchema = z.object({ advanceMs: z.number().int().min(0).max(31_536_000_000) }).strict();

export interface ControlPlaneOptions {
  /** Serve `/_emulator/*`. Faults and counts work either way; only the HTTP surface is gated. */
  enabled: boolean;
  /** The body this service sends for a given error status (each service has its own shape). */
  errorBody(status: number, request: FastifyRequest): unknown;
  /** Put the world back to the fixture it was started with. */
  reset(): void;
  /** Replace the world with a new, already validated fixture. */
  loadFixture(fixture: Fixture): void;
  /**
   * How a `latency` fault waits. Tests pass one they release themselves, so nothing depends on
   * how fast the machine is. @defaultValue a real timer
   */
  sleep?: (ms: number) => Promise<void>;
  /** The emulator's time: arrival stamps, the call log and `/_emulator/clock` read and move it. */
  clock: EmulatorClock;
}

const realSleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

export interface ControlPlane {
  readonly faults: FaultInjector;
  readonly calls: CallCounter;
}

const pendingTransform = new WeakMap<
  FastifyRequest,
  Extract<Fault, { kind: "truncate" | "empty" }>
>();

/** The route pattern a request matched, or its path when no route matched (404s count too). */
export function routeOf(request: FastifyRequest): string {
  return request.routeOptions.url ?? request.url.split("?")[0] ?? request.url;
}

export function installControlPlane(
  app: FastifyInstance,
  options: ControlPlaneOptions,
): ControlPlane {
  const faults = new FaultInjector();
  const calls = new CallCounter();

  app.addHook("onRequest", async (request, reply) => {
    recordArrival(request, options.clock.now());
    if (request.url.startsWith(CONTROL_PREFIX)) return;
    const fault = faults.match(request.method, routeOf(request));
    if (!fault) return;
    // A dropped connection never reaches onResponse; count it here, as status 0 (no answer).
    if (fault.kind === "drop")
      calls.record(request.method, routeOf(request), 0, arrivalOf(request) ?? options.clock.now());
    await applyFault(fault, request, reply, options);
  });

  app.addHook("onSend", async (request, _reply, payload) => {
    const transform = pendingTransform.get(request);
    if (!transform || typeof payload !== "string") return payload;
    if (transform.kind === "truncate")
      return payload.slice(0, Math.max(1, Math.floor(payload.length / 2)));
    return emptyListings(payload);
  });

  app.addHook("onResponse", async (request, reply) => {
    if (request.url.startsWith(CONTROL_PREFIX)) return;
    // Stamped with the arrival time, as a service's own limiter measures calls.
    calls.record(
      request.method,
      routeOf(request),
      reply.statusCode,
      arrivalOf(request) ?? options.clock.now(),
    );
  });

  if (options.enabled) registerRoutes(app, options, faults, calls);
  return { faults, calls };
}

async function applyFault(
  fault: Fault,
  request: FastifyRequest,
  reply: FastifyReply,
  options: ControlPlaneOptions,
): Promise<void> {
  switch (fault.kind) {
    case "latency":
      // The request still runs after the wait even if the client gave up meanwhile, as on a real
      // server: a write that timed out on the client side may well have been applied.
      await (options.sleep ?? realSleep)(fault.ms);
      return;
    case "status":
      await reply.code(fault.status).send(fault.body ?? options.errorBody(fault.status, request));
      return;
    case "drop":
      request.raw.socket.destroy();
      await reply.hijack();
      return;
    case "truncate":
    case "empty":
      pendingTransform.set(request, fault);
      return;
  }
}

function emptyListings(payload: string): string {
  try {
    const parsed: unknown = JSON.parse(payload);
    if (!parsed || typeof parsed !== "object" || Array.isArray(parsed))
      return Array.isArray(parsed) ? "[]" : payload;
    const emptied: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(parsed)) {
      emptied[key] = Array.isArray(value) ? [] : key === "count" ? 0 : value;
    }
    // Lytics wraps listings in `data`; empty that too.
    if (Array.isArray((parsed as { data?: unknown }).data)) emptied.data = [];
    return JSON.stringify(emptied);
  } catch {
    return payload;
  }
}

function registerRoutes(
  app: FastifyInstance,
  options: ControlPlaneOptions,
  faults: FaultInjector,
  calls: CallCounter,
): void {
  app.get(`${CONTROL_PREFIX}/calls`, async () => calls.snapshot());
  app.delete(`${CONTROL_PREFIX}/calls`, async (_request, reply) => {
    calls.reset();
    return reply.code(204).send();
  });
  app.get(`${CONTROL_PREFIX}/faults`, async () => ({ faults: faults.list() }));
  app.post(`${CONTROL_PREFIX}/faults`, async (request, reply) => {
    const inputs = Array.isArray(request.body) ? request.body : [request.body];
    try {
      const added = inputs.map((input) => faults.add(input as never));
      return reply.code(201).send({ faults: added });
    } catch (error) {
      return reply.code(400).send({ error: "invalid fault", details: String(error) });
    }
  });
  app.delete(`${CONTROL_PREFIX}/faults`, async (_request, reply) => {
    faults.clear();
    return reply.code(204).send();
  });
  // Time passes when a test says so: token lifetimes and rate windows without waiting for them.
  app.get(`${CONTROL_PREFIX}/clock`, async () => ({ now: options.clock.now() }));
  app.post(`${CONTROL_PREFIX}/clock`, async (request, reply) => {
    const parsed = advanceSchema.safeParse(request.body);
    if (!parsed.success)
      return reply.code(400).send({ error: "invalid clock change", issues: parsed.error.issues });
    return { now: options.clock.advance(parsed.data.advanceMs) };
  });
  app.post(`${CONTROL_PREFIX}/reset`, async (_request, reply) => {
    faults.clear();
    calls.reset();
    options.reset();
    return reply.code(204).send();
  });
  app.post(`${CONTROL_PREFIX}/fixture`, async (request, reply) => {
    const parsed = fixtureSchema.safeParse(request.body);
    if (!parsed.success) {
      return reply.code(400).send({ error: "invalid fixture", issues: parsed.error.issues });
    }
    faults.clear();
    calls.reset();
    options.loadFixture(parsed.data);
    return reply.code(204).send();
  });
}
