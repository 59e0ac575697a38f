import { wireCmaErrorSchema } from "../wire/wire-error";
import { AuthError } from "./auth-error";
import { ContentstackApiError, type ContentstackErrorDetails } from "./contentstack-api-error";
import { ForbiddenError } from "./forbidden-error";
import { NotFoundError } from "./not-found-error";
import { RateLimitedError } from "./rate-limited-error";

export interface FailedResponse {
  readonly status: number;
  readonly body: unknown;
  readonly requestId?: string | undefined;
  readonly retryAfterHeader?: string | null | undefined;
  readonly operation: string;
}

/** Seconds or an HTTP date, per RFC 9110 §10.2.3; undefined when absent or unreadable. */
export function parseRetryAfter(
  value: string | null | undefined,
  now = Date.now(),
): number | undefined {
  if (value == null || value.trim() === "") return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds) && seconds >= 0) return Math.round(seconds * 1000);
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

/** Turns a non-2xx answer into the narrowest typed error, keeping status, API code and request id. */
export function errorFromResponse(failed: FailedResponse): ContentstackApiError {
  const parsed = wireCmaErrorSchema.safeParse(failed.body);
  const wire = parsed.success ? parsed.data : undefined;
  const serverMessage =
    wire?.error_message ??
    (Array.isArray(wire?.message) ? wire.message.join("; ") : wire?.message) ??
    wire?.error ??
    (typeof failed.body === "string" && failed.body.length > 0
      ? failed.body.slice(0, 200)
      : undefined);
  const details: ContentstackErrorDetails = {
    status: failed.status,
    apiErrorCode: wire?.error_code,
    requestId: failed.requestId,
    fieldErrors: wire?.errors,
    operation: failed.operation,
  };
  const message = `${failed.operation} failed with HTTP ${failed.status}${serverMessage ? `: ${serverMessage}` : ""}`;
  switch (failed.status) {
    case 401:
      return new AuthError(message, details);
    case 403:
      return new ForbiddenError(message, details);
    case 404:
      return new NotFoundError(message, details);
    case 429:
      return new RateLimitedError(message, {
        ...details,
        retryAfterMs: parseRetryAfter(failed.retryAfterHeader),
      });
    default:
      return new ContentstackApiError(message, details);
  }
}
