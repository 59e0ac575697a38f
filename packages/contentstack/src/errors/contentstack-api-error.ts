/** What every Contentstack failure carries, so callers can log and branch without parsing text. */
export interface ContentstackErrorDetails {
  /** HTTP status, when a response arrived. */
  readonly status?: number | undefined;
  /** Contentstack's numeric `error_code` (e.g. 105 "not logged in"), or the OAuth `error` string. */
  readonly apiErrorCode?: number | string | undefined;
  /** The request id the server sent back, for support tickets. */
  readonly requestId?: string | undefined;
  /** Field errors from the CMA body (`errors: {field: [...]}`). */
  readonly fieldErrors?: Readonly<Record<string, unknown>> | undefined;
  /** `METHOD path` of the call that failed (never the query string, never headers). */
  readonly operation?: string | undefined;
  readonly cause?: unknown;
}

/**
 * Base class of every error this package throws about a Contentstack call. Subclasses fix `code`;
 * a plain `ContentstackApiError` is a failure no narrower class describes (e.g. a 400 or a 5xx
 * that outlived its retries).
 */
export class ContentstackApiError extends Error {
  readonly code: string = "CONTENTSTACK_API_ERROR";
  readonly status: number | undefined;
  readonly apiErrorCode: number | string | undefined;
  readonly requestId: string | undefined;
  readonly fieldErrors: Readonly<Record<string, unknown>> | undefined;
  readonly operation: string | undefined;

  constructor(message: string, details: ContentstackErrorDetails = {}) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.name = new.target.name;
    this.status = details.status;
    this.apiErrorCode = details.apiErrorCode;
    this.requestId = details.requestId;
    this.fieldErrors = details.fieldErrors;
    this.operation = details.operation;
  }

  /** True for failures that a later, identical request may not hit (429, 5xx, network, timeout). */
  get transient(): boolean {
    return this.status !== undefined && this.status >= 500;
  }
}
