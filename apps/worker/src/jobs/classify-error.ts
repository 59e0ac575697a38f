// How the worker treats a failure from either client (packages/http's error family, read by
// `code` and `status` so both clients' classes are handled alike).
export type FailureKind =
  /** 429: wait and re-delay this organization's job; other organizations are not affected. */
  | { kind: "rate-limited"; api: string; retryAfterMs: number }
  /** 401/403 that survived the client's own refresh: the credential is gone. */
  | { kind: "unauthorized"; api: string; status: number }
  /** 5xx, timeouts, dropped connections, a damaged listing: retry later with backoff. */
  | { kind: "transient" }
  /** Anything else: a bug or a refusal that will not change by retrying. */
  | { kind: "permanent" };

const TRANSIENT_CODES = new Set([
  "TIMEOUT",
  "NETWORK_ERROR",
  "INVALID_RESPONSE",
  "SERVER_ERROR",
  "RESPONSE_TOO_LARGE",
]);

export function classifyError(error: unknown): FailureKind {
  const details = (error ?? {}) as {
    code?: unknown;
    status?: unknown;
    retryAfterMs?: unknown;
    api?: unknown;
    retryable?: unknown;
  };
  const api = typeof details.api === "string" ? details.api : "unknown";
  const status = typeof details.status === "number" ? details.status : undefined;
  if (details.code === "RATE_LIMITED" || status === 429) {
    const wait = typeof details.retryAfterMs === "number" ? details.retryAfterMs : 5_000;
    return { kind: "rate-limited", api, retryAfterMs: Math.max(1_000, wait) };
  }
  if (
    status === 401 ||
    status === 403 ||
    details.code === "UNAUTHORIZED" ||
    details.code === "FORBIDDEN"
  )
    return { kind: "unauthorized", api, status: status ?? 401 };
  if (details.retryable === true || (status !== undefined && status >= 500))
    return { kind: "transient" };
  if (typeof details.code === "string" && TRANSIENT_CODES.has(details.code))
    return { kind: "transient" };
  return { kind: "permanent" };
}
