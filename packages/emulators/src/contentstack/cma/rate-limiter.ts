import { SlidingWindowRateLimiter } from "../../shared/sliding-window-rate-limiter";

/**
 * Per-organization CMA limit: N reads and N writes in any one-second window, counted apart
 * (api-notes Part B §3.3). Only admitted calls count.
 */
export class RateLimiter {
  private readonly reads: SlidingWindowRateLimiter;
  private readonly writes: SlidingWindowRateLimiter;

  constructor(
    limits: { readsPerSecond: number; writesPerSecond: number },
    now: () => number = () => performance.now(),
  ) {
    this.reads = new SlidingWindowRateLimiter(limits.readsPerSecond, 1000, now);
    this.writes = new SlidingWindowRateLimiter(limits.writesPerSecond, 1000, now);
  }

  /** True when the call may go ahead (and it is counted). */
  admit(orgKey: string, kind: "read" | "write"): boolean {
    return (kind === "read" ? this.reads : this.writes).tryAcquire(orgKey);
  }

  clear(): void {
    this.reads.reset();
    this.writes.reset();
  }
}
