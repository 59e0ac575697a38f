/**
 * Admits at most `limit` calls per key within any 1-second window (sliding, not bucketed), so a
 * client that bursts at a window edge is still caught. Refused calls do not count.
 */
export class SlidingWindowRateLimiter {
  private readonly windows = new Map<string, number[]>();

  constructor(
    private readonly limit: number,
    private readonly windowMs = 1000,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** Records the call and returns true when it is within the limit. */
  tryAcquire(key: string): boolean {
    const at = this.now();
    const recent = (this.windows.get(key) ?? []).filter((stamp) => at - stamp < this.windowMs);
    if (recent.length >= this.limit) {
      this.windows.set(key, recent);
      return false;
    }
    recent.push(at);
    this.windows.set(key, recent);
    return true;
  }

  reset(): void {
    this.windows.clear();
  }
}
