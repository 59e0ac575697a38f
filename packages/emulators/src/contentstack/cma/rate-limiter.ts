/**
 * Per-organization CMA limit: N reads and N writes in any one-second window (sliding, not fixed
 * buckets, so a burst straddling a second boundary is still caught). Only admitted calls count.
 */
export class RateLimiter {
  private windows = new Map<string, number[]>();

  constructor(private readonly limits: { readsPerSecond: number; writesPerSecond: number }) {}

  /** True when the call may go ahead (and it is counted). */
  admit(orgKey: string, kind: "read" | "write", now = Date.now()): boolean {
    const key = `${kind}:${orgKey}`;
    const limit = kind === "read" ? this.limits.readsPerSecond : this.limits.writesPerSecond;
    const recent = (this.windows.get(key) ?? []).filter((at) => now - at < 1000);
    if (recent.length >= limit) {
      this.windows.set(key, recent);
      return false;
    }
    recent.push(now);
    this.windows.set(key, recent);
    return true;
  }

  clear(): void {
    this.windows.clear();
  }
}
