// The Management API's error bodies, as seen live (api-notes Part C1): one envelope
// `{message, status, error}`; validation answers `{message: "Bad request", status: 400, errors:
// {<field>: [{code, ...}]}}`. A refusal with a code but no field (quota, last admin) carries the
// code in `error_code`: that part is our choice (docs/lytics-shapes.md).

/** Reason phrases in `error`, as the live service sends them. */
const REASONS: Record<number, string> = {
  400: "Bad Request",
  401: "Unauthorized",
  403: "Forbidden",
  404: "Not Found",
  409: "Conflict",
  429: "Too Many Requests",
  500: "Internal Server Error",
  502: "Bad Gateway",
  503: "Service Unavailable",
};

/** One problem with one field: `code` as seen live (`lytics.PROJECTS.NOT_EMPTY`), plus details. */
export interface FieldError {
  code: string;
  [detail: string]: unknown;
}

/** Field path (`name`, `connections.stackApiKeys`) -> its problems. */
export type FieldErrors = Record<string, FieldError[]>;

export interface ManagementErrorBody {
  message: string;
  status: number;
  error?: string;
  /** Domain refusals that concern no single field (our choice). */
  error_code?: string;
  errors?: FieldErrors;
}

/** A Management API refusal; the route handler throws it and the error handler sends `body()`. */
export class ManagementApiError extends Error {
  readonly code = "LYTICS_EMULATOR_MANAGEMENT_ERROR";

  constructor(
    readonly statusCode: number,
    message: string,
    readonly errorCode?: string,
  ) {
    super(message);
    this.name = "ManagementApiError";
  }

  body(): ManagementErrorBody {
    return managementErrorBody(this.statusCode, this.message, this.errorCode);
  }
}

/** The live validation refusal: 400 "Bad request" with every problem under its field. */
export class ManagementValidationError extends ManagementApiError {
  constructor(readonly fieldErrors: FieldErrors) {
    super(400, "Bad request");
    this.name = "ManagementValidationError";
  }

  override body(): ManagementErrorBody {
    return { message: "Bad request", status: 400, errors: this.fieldErrors };
  }
}

export function managementErrorBody(
  status: number,
  message: string,
  code?: string,
): ManagementErrorBody {
  const body: ManagementErrorBody = { message, status, error: REASONS[status] ?? "Error" };
  if (code) body.error_code = code;
  return body;
}

/**
 * No credential, or one Contentstack does not know: the live service answers with Contentstack's
 * own CMA body (error_code 105), not its envelope.
 */
export const notLoggedInBody = () => ({
  error_message: "You're not allowed in here unless you're logged in.",
  error_code: 105,
  errors: { authtoken: ["is not valid."] },
});

export const forbiddenResource = (): ManagementApiError =>
  new ManagementApiError(403, "Forbidden resource");

export const projectNotFound = (): ManagementApiError =>
  new ManagementApiError(404, "Project not found");
