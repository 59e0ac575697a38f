// The worker's Prometheus metrics, on a registry of its own (two workers in one test process must
// not collide on prom-client's global registry).
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from "prom-client";

export interface WorkerMetrics {
  readonly registry: Registry;
  /** Runs by kind (reconcile, people, held-plan) and outcome (applied, no-op, held, failed, ...). */
  readonly runs: Counter<"kind" | "outcome">;
  /** Applied changes by kind (invite, replace-roles, remove). */
  readonly changes: Counter<"kind">;
  /** Calls to the upstream APIs by API and status class. */
  readonly apiCalls: Counter<"api" | "status">;
  readonly rateLimited: Counter<"api">;
  readonly queueDepth: Gauge<"queue" | "state">;
  /** Seconds from an audit-log item's created_at to the change applied in Lytics. */
  readonly propagationSeconds: Histogram;
  readonly auditItemsSkipped: Counter;
}

export function createWorkerMetrics(options: { defaultMetrics?: boolean } = {}): WorkerMetrics {
  const registry = new Registry();
  if (options.defaultMetrics ?? true)
    collectDefaultMetrics({ register: registry, prefix: "lytics_access_worker_" });
  const registers = [registry];
  return {
    registry,
    runs: new Counter({
      name: "lytics_access_sync_runs_total",
      help: "Sync runs by kind and outcome",
      labelNames: ["kind", "outcome"],
      registers,
    }),
    changes: new Counter({
      name: "lytics_access_sync_changes_total",
      help: "Changes applied to Lytics by kind",
      labelNames: ["kind"],
      registers,
    }),
    apiCalls: new Counter({
      name: "lytics_access_api_calls_total",
      help: "Upstream API calls by API and status class",
      labelNames: ["api", "status"],
      registers,
    }),
    rateLimited: new Counter({
      name: "lytics_access_api_rate_limited_total",
      help: "Upstream 429 answers by API",
      labelNames: ["api"],
      registers,
    }),
    queueDepth: new Gauge({
      name: "lytics_access_queue_jobs",
      help: "Jobs per queue and state",
      labelNames: ["queue", "state"],
      registers,
    }),
    propagationSeconds: new Histogram({
      name: "lytics_access_propagation_seconds",
      help: "From a Contentstack audit-log item's created_at to the change applied in Lytics",
      buckets: [0.5, 1, 2, 3, 5, 7.5, 10, 15, 30, 60, 120, 300],
      registers,
    }),
    auditItemsSkipped: new Counter({
      name: "lytics_access_audit_items_skipped_total",
      help: "Audit-log items the reader could not parse (logged and skipped)",
      registers,
    }),
  };
}
