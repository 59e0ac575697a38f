import { z } from "zod";
import type { FieldError } from "../errors/api-error";
import type { ErrorBodyInfo } from "../request/api-transport";

/**
 * The Contentstack error body `{error_message, error_code, errors}` (api-notes Part B §3.3).
 * Everything is optional because gateways answer 5xx with bodies of their own, and some hosts
 * answer `{message}` or `{error}`.
 */
const contentstackErrorBodySchema = z
  .object({
    error_message: z.string().optional(),
    error_code: z.union([z.number(), z.string()]).optional(),
    errors: z.record(z.string(), z.unknown()).optional(),
    message: z.union([z.string(), z.array(z.string())]).optional(),
    error: z.string().optional(),
  })
  .loose();

/**
 * Reads a Contentstack error body. It lives in the core because two clients meet it: the CMA,
 * and the Lytics Management API, which answers a missing or rejected credential with the
 * Contentstack body (api-notes Part C1). Field errors come as text (`{"emails": ["is invalid"]}`);
 * each becomes `{code: "invalid", message}` so every service's field errors have one shape.
 */
export function readContentstackErrorBody(body: unknown): ErrorBodyInfo {
  const parsed = contentstackErrorBodySchema.safeParse(body);
  if (!parsed.success) return {};
  const wire = parsed.data;
  const message =
    wire.error_message ??
    (Array.isArray(wire.message) ? wire.message.join("; ") : wire.message) ??
    wire.error;
  return {
    message,
    apiCode: wire.error_code,
    fieldErrors: wire.errors === undefined ? undefined : toFieldErrors(wire.errors),
  };
}

/** `{field: [text | {code, ...}]}` as `{field: [{code, message?, ...}]}`. */
export function toFieldErrors(errors: Record<string, unknown>): Record<string, FieldError[]> {
  const out: Record<string, FieldError[]> = {};
  for (const [field, value] of Object.entries(errors)) {
    const items = Array.isArray(value) ? value : [value];
    out[field] = items.map((item): FieldError => {
      if (typeof item === "object" && item !== null) {
        const record = item as Record<string, unknown>;
        return { ...record, code: typeof record.code === "string" ? record.code : "invalid" };
      }
      return { code: "invalid", message: String(item) };
    });
  }
  return out;
}
