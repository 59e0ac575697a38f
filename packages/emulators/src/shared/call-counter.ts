/**
 * Counts calls per `METHOD route-pattern`, so tests and benchmarks can prove what a client sent.
 * Status 0 means the emulator dropped the connection without answering.
 */
export class CallCounter {
  private counts = new Map<string, number>();
  private log: Array<{ at: number; key: string; status: number }> = [];

  record(method: string, route: string, status: number, at = Date.now()): void {
    const key = `${method.toUpperCase()} ${route}`;
    this.counts.set(key, (this.counts.get(key) ?? 0) + 1);
    this.log.push({ at, key, status });
    // Bounded: the log is for rate checks over recent calls, not an archive.
    if (this.log.length > 50_000) this.log.splice(0, this.log.length - 50_000);
  }

  snapshot(): {
    counts: Record<string, number>;
    calls: ReadonlyArray<{ at: number; key: string; status: number }>;
  } {
    return { counts: Object.fromEntries(this.counts), calls: [...this.log] };
  }

  reset(): void {
    this.counts.clear();
    this.log = [];
  }
}
