/** Which Lytics surface a call went to. */
export type LyticsApiKind = "management" | "v2";

/** What is known about the call and the answer when a Lytics call fails. */
export interface LyticsApiErrorDetails {
  api: LyticsApiKind;
  method: string;
  /** The route template (`/v2/user/:id`), never the filled-in path: ids and emails stay out. */
  route: string;
  /** The HTTP status, when an answer arrived. */
  status?: number | undefined;
  /** The service's own error code: v2 `errors[0].code`, Management API `error_code`. */
  apiCode?: string | undefined;
  /** v2 `request_id` from the body (Lytics sends no request-id header). */
  requestId?: string | undefined;
  /** The service's message, or ours when the service sent none. */
  message: string;
  cause?: unknown;
}

/**
 * Base of every error a Lytics call can end in. Callers that only care whether a call failed
 * catch this; the subclasses say how (rate limited, forbidden, ...), each with a stable `code`.
 */
export class LyticsApiError extends Error {
  readonly code: string = "LYTICS_API_ERROR";
  readonly api: LyticsApiKind;
  readonly method: string;
  readonly route: string;
  readonly status: number | undefined;
  readonly apiCode: string | undefined;
  readonly requestId: string | undefined;

  constructor(details: LyticsApiErrorDetails) {
    super(
      `Lytics ${details.api} ${details.method} ${details.route} failed` +
        (details.status === undefined ? "" : ` (${details.status})`) +
        `: ${details.message}`,
      details.cause === undefined ? undefined : { cause: details.cause },
    );
    this.name = "LyticsApiError";
    this.api = details.api;
    this.method = details.method;
    this.route = details.route;
    this.status = details.status;
    this.apiCode = details.apiCode;
    this.requestId = details.requestId;
  }
}
