// The time an emulator goes by: token and session expiry, rate windows, audit timestamps and the
// call log all read it. It is the wall clock (or a clock a test injects) plus an offset that the
// control API moves forward (`POST /_emulator/clock`), so tests make time pass instead of waiting
// for it, in process or out of it.
import type { FastifyRequest } from "fastify";

export interface EmulatorClock {
  /** Epoch milliseconds as the emulator sees them. */
  now(): number;
  /** Moves this emulator's time forward by `ms` (never back) and returns the new time. */
  advance(ms: number): number;
}

export function createEmulatorClock(base: () => number = () => Date.now()): EmulatorClock {
  let offset = 0;
  return {
    now: () => base() + offset,
    advance(ms) {
      if (!Number.isFinite(ms) || ms < 0)
        throw new RangeError(`the emulator clock only moves forward, got ${ms} ms`);
      offset += ms;
      return base() + offset;
    },
  };
}

const arrivals = new WeakMap<FastifyRequest, number>();

/** Notes when a request arrived, on the emulator's clock (the control plane does it for every request). */
export function recordArrival(request: FastifyRequest, at: number): void {
  arrivals.set(request, at);
}

/**
 * When the request arrived on the emulator's clock: what the real services' limiters and audit
 * logs measure. Undefined for a request the control plane never saw (in-process injections).
 */
export function arrivalOf(request: FastifyRequest): number | undefined {
  return arrivals.get(request);
}
