/**
 * Where a store reads the time. Injected so tests can move time without fake timers, and so every
 * timestamp a store writes comes from one place.
 */
export interface Clock {
  /** Milliseconds since the Unix epoch. */
  now(): number;
}

/** The process clock. */
export const systemClock: Clock = Object.freeze({ now: () => Date.now() });
