// The one error the CMA surface throws. Its body is the documented CMA error shape
// `{error_message, error_code, errors}`; the numeric codes beyond 105 are the emulator's choice
// (docs/contentstack-shapes.md "CMA errors").

export type CmaErrorCode =
  | "CMA_NOT_LOGGED_IN"
  | "CMA_FORBIDDEN"
  | "CMA_NOT_FOUND"
  | "CMA_INVALID_REQUEST"
  | "CMA_UNPROCESSABLE"
  | "CMA_RATE_LIMITED";

const STATUS: Record<CmaErrorCode, { status: number; errorCode: number }> = {
  CMA_NOT_LOGGED_IN: { status: 401, errorCode: 105 },
  CMA_FORBIDDEN: { status: 403, errorCode: 161 },
  CMA_NOT_FOUND: { status: 404, errorCode: 344 },
  CMA_INVALID_REQUEST: { status: 400, errorCode: 120 },
  CMA_UNPROCESSABLE: { status: 422, errorCode: 121 },
  CMA_RATE_LIMITED: { status: 429, errorCode: 141 },
};

export interface CmaErrorBody {
  error_message: string;
  error_code: number;
  errors: Record<string, string[]>;
}

export class CmaError extends Error {
  readonly status: number;
  readonly errorCode: number;

  constructor(
    readonly code: CmaErrorCode,
    message: string,
    readonly errors: Record<string, string[]> = {},
  ) {
    super(message);
    this.name = "CmaError";
    const mapped = STATUS[code];
    this.status = mapped.status;
    this.errorCode = mapped.errorCode;
  }

  toBody(): CmaErrorBody {
    return { error_message: this.message, error_code: this.errorCode, errors: this.errors };
  }
}

/** The CMA body for a bare status (fault injection, unmatched routes). */
export function cmaErrorBodyForStatus(status: number): CmaErrorBody {
  const entry = Object.entries(STATUS).find(([, value]) => value.status === status);
  const messages: Record<number, string> = {
    401: "You're not allowed in here unless you're logged in.",
    403: "You don't have permission to perform this action.",
    404: "The requested resource was not found.",
    429: "Too many requests. Please slow down.",
  };
  return {
    error_message: messages[status] ?? `The server answered ${status}.`,
    error_code: entry ? entry[1].errorCode : status,
    errors: {},
  };
}

export function notLoggedIn(): CmaError {
  return new CmaError("CMA_NOT_LOGGED_IN", "You're not allowed in here unless you're logged in.", {
    authtoken: ["is not valid."],
  });
}
