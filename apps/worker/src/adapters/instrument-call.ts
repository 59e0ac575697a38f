// Counts every upstream port call for /metrics. Pacing is not done here but per HTTP request (a
// port call may be many pages, and retries), by the clients' shared limiter (shared-rate-limiter.ts).
import type { WorkerMetrics } from "../http/worker-metrics";

/** An organization's request budget for one API, shared by every replica (a limiter in Redis). */
export interface OrgBudget {
  /** Resolves when a request may be sent. */
  take(api: UpstreamApi): Promise<void>;
}

export type UpstreamApi = "contentstack" | "lytics";

export interface CallInstrument {
  <T>(api: UpstreamApi, operation: string, call: () => Promise<T>): Promise<T>;
}

export function createCallInstrument(
  metrics: WorkerMetrics,
  budget: OrgBudget | undefined,
  onCall?: (api: UpstreamApi, operation: string) => void,
): CallInstrument {
  return async (api, operation, call) => {
    await budget?.take(api);
    onCall?.(api, operation);
    try {
      const result = await call();
      metrics.apiCalls.inc({ api, status: "2xx" });
      return result;
    } catch (error) {
      const status = (error as { status?: unknown }).status;
      const statusClass = typeof status === "number" ? `${Math.floor(status / 100)}xx` : "error";
      // 429s are counted where each one arrives (the shared limiter's pause), not here, where
      // only the last of a retried request's answers shows.
      metrics.apiCalls.inc({ api, status: statusClass });
      throw error;
    }
  };
}
