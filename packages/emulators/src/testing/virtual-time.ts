// One timeline shared by a client and the emulator it talks to, moved only by the client's own
// waits. The emulator (started with `now: time.now`) measures arrivals and token lifetimes on it,
// and the client paces and backs off on it, so a rate or an expiry is checked exactly, however
// slow the machine: no wall-clock time passes on it while a request is on its way.

/**
 * The shape of `Clock` from `@lytics-access/http`, repeated so that the emulators need not depend
 * on the clients' HTTP core: a `VirtualTime` is accepted wherever a `Clock` is asked for.
 */
interface TestClock {
  now(): number;
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

export interface VirtualTime extends TestClock {
  /** A fetch whose calls time waits for: give it to the client as its `fetch`. */
  readonly fetch: typeof fetch;
  /** Moves time forward by hand (what an idle wait would do). */
  advance(ms: number): void;
}

export function createVirtualTime(start = 1_767_225_600_000): VirtualTime {
  let now = start;
  const inFlight = new Set<Promise<unknown>>();
  return {
    now: () => now,
    advance(ms) {
      now += ms;
    },
    fetch: (input, init) => {
      const call = fetch(input, init);
      const settled = call.catch(() => undefined);
      inFlight.add(settled);
      void settled.finally(() => inFlight.delete(settled));
      return call;
    },
    // A sleeper wakes at its wake-up time, but only once every request already sent has been
    // answered: a request sent at time t arrives at t, as it would on an idle network.
    async sleep(ms, signal) {
      const wakeAt = now + ms;
      // A turn of the event loop first, so a caller that was just let through has sent its request.
      do {
        await new Promise((resolve) => setImmediate(resolve));
        await Promise.all(inFlight);
      } while (inFlight.size > 0);
      if (signal?.aborted) throw signal.reason as Error;
      now = Math.max(now, wakeAt);
    },
  };
}
