import { createHash } from "node:crypto";

// Canonical JSON: object keys sorted, so the same content hashes the same whatever order the
// fields were built in. Arrays keep their order; callers sort what must not depend on input order.
function canonical(value: unknown): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value) ?? "null";
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, entry]) => entry !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([key, entry]) => `${JSON.stringify(key)}:${canonical(entry)}`).join(",")}}`;
}

/**
 * A short, stable id for some content: the first 24 hex digits of SHA-256 over its canonical
 * JSON, with a prefix saying what it identifies (`plan_`, `step_`). Hashing is deterministic and
 * does no I/O, so plans stay pure; 96 bits keep collisions out of reach for an organization's plans.
 */
export function stableHash(prefix: string, content: unknown): string {
  return `${prefix}_${createHash("sha256").update(canonical(content)).digest("hex").slice(0, 24)}`;
}
