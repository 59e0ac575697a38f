/** Which service a call went to; the worker branches on it only for messages, never for handling. */
export type ApiName =
  | "contentstack-cma"
  | "contentstack-oauth"
  | "contentstack-developer-hub"
  | "contentstack-app"
  | "lytics-management"
  | "lytics-v2";

/** One problem with one field of a refused request body, as the service named it. */
export interface FieldError {
  /** The service's code (`lytics.PROJECTS.NOT_EMPTY`), or `invalid` when it sent only text. */
  readonly code: string;
  readonly message?: string | undefined;
  /** Anything else the service sent with it, e.g. `maxCharacters`. */
  readonly [detail: string]: unknown;
}

/** What is known about a failed call; every field but the message is optional. */
export interface ApiErrorDetails {
  readonly api?: ApiName | undefined;
  /** HTTP status, when an answer arrived. */
  readonly status?: number | undefined;
  /** `METHOD route-template` of the call (`GET /v2/user/:id`): never ids, query strings or headers. */
  readonly operation?: string | undefined;
  /** The service's own error code as it sent it (`105`, `lytics.PROJECTS.NOT_EMPTY`, `NOTFOUND-003`). */
  readonly apiCode?: string | number | undefined;
  /** The request id the service sent back (header or body), for support tickets. */
  readonly requestId?: string | undefined;
  /** How long the service asked us to wait (Retry-After), when it said. */
  readonly retryAfterMs?: number | undefined;
  /** Per-field problems of a refused request body. */
  readonly fieldErrors?: Readonly<Record<string, readonly FieldError[]>> | undefined;
  readonly cause?: unknown;
}

/** Marks every ApiError, whichever copy of this package made it (`Symbol.for` is process-wide). */
const API_ERROR_BRAND = Symbol.for("@lytics-access/http:ApiError");

/**
 * Base of every error a call to Contentstack or Lytics ends in. Both clients throw these same
 * classes, so the worker handles a failure the same way whichever service it came from: branch on
 * the class or `code`, wait `retryAfterMs` on a 429, retry later when `retryable`, stop otherwise.
 * A plain `ApiError` is a status no narrower class describes (e.g. a 418).
 */
export class ApiError extends Error {
  /**
   * The code every instance of the class carries (a subclass fixes its own); `instanceof` falls
   * back on it for an error made by another copy of this package (see `Symbol.hasInstance`).
   */
  static readonly code: string | undefined = undefined;

  /**
   * `instanceof` that also holds across copies of this package. Next bundles a server package
   * once per layer (server components, route handlers), so an AuthError thrown by one copy is not
   * an instance of another copy's class, and a check like "is this a 401?" silently fails. Every
   * instance carries a brand from the global symbol registry; an error from another copy matches
   * when it has the brand and the class's fixed code.
   */
  static override [Symbol.hasInstance](
    this: { readonly code?: string | undefined },
    value: unknown,
  ): boolean {
    if (Function.prototype[Symbol.hasInstance].call(this, value)) return true;
    if (typeof value !== "object" || value === null || !(API_ERROR_BRAND in value)) return false;
    return this.code === undefined || (value as { code?: unknown }).code === this.code;
  }

  /** Stable machine-readable code; each subclass fixes its own. */
  readonly code: string = "API_ERROR";
  readonly api: ApiName | undefined;
  readonly status: number | undefined;
  readonly operation: string | undefined;
  /** The HTTP method, taken from `operation`. */
  readonly method: string | undefined;
  /** The route template, taken from `operation`. */
  readonly route: string | undefined;
  readonly apiCode: string | number | undefined;
  readonly requestId: string | undefined;
  readonly retryAfterMs: number | undefined;
  readonly fieldErrors: Readonly<Record<string, readonly FieldError[]>> | undefined;

  constructor(message: string, details: ApiErrorDetails = {}) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    Object.defineProperty(this, API_ERROR_BRAND, { value: true });
    this.name = new.target.name;
    this.api = details.api;
    this.status = details.status;
    this.operation = details.operation;
    const space = details.operation?.indexOf(" ") ?? -1;
    this.method = space > 0 ? details.operation?.slice(0, space) : undefined;
    this.route = space > 0 ? details.operation?.slice(space + 1) : details.operation;
    this.apiCode = details.apiCode;
    this.requestId = details.requestId;
    this.retryAfterMs = details.retryAfterMs;
    this.fieldErrors = details.fieldErrors;
  }

  /**
   * True when the same request may succeed later (429, 5xx, timeout, dropped connection, a body
   * cut in transit). Whether repeating it is safe is a separate question: see `shouldRetry`.
   */
  get retryable(): boolean {
    return this.status !== undefined && this.status >= 500;
  }
}
