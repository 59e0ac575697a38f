import { randomUUID } from "node:crypto";

export interface V2ErrorBody {
  status: number;
  errors: Array<{ code: string; message: string; level: "warn" | "error"; timestamp: number }>;
  request_id: string;
}

/** A v2 API refusal (api-notes §A5.1); `code` is the Lytics error code such as `USER-NOTFOUND-023`. */
export class V2ApiError extends Error {
  readonly code = "LYTICS_EMULATOR_V2_ERROR";

  constructor(
    readonly status: number,
    readonly lyticsCode: string,
    message: string,
  ) {
    super(message);
    this.name = "V2ApiError";
  }

  body(): V2ErrorBody {
    return v2ErrorBody(this.status, this.lyticsCode, this.message);
  }
}

export function v2ErrorBody(status: number, code: string, message: string): V2ErrorBody {
  return {
    status,
    errors: [{ code, message, level: status >= 500 ? "error" : "warn", timestamp: Date.now() }],
    request_id: randomUUID(),
  };
}

/** What Lytics sends for a rejected token on both `/api` and `/v2` (the `/api` shape, api-notes §A5.1). */
export const NOT_AUTHORIZED_BODY = { message: "Not authorized", status: 401 } as const;

/** The v2 body for a status the emulator sends without a domain reason (faults, rate limits). */
export function genericV2Body(status: number): V2ErrorBody | typeof NOT_AUTHORIZED_BODY {
  if (status === 401) return NOT_AUTHORIZED_BODY;
  const code =
    status === 404
      ? "NOTFOUND-003"
      : status === 403
        ? "FORBIDDEN-026"
        : status < 500
          ? "BADREQ-001"
          : "INTERNAL-019";
  const message =
    status === 429
      ? "Too Many Requests"
      : status >= 500
        ? "Internal Server Error"
        : "Request failed";
  return v2ErrorBody(status, code, message);
}
