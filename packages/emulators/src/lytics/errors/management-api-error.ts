/** Reason phrases NestJS puts in `error` (the live Management API looks like NestJS, api-notes §A1.4). */
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

export interface ManagementErrorBody {
  statusCode: number;
  message: string | string[];
  error: string;
  error_code?: string;
}

/** A Management API refusal; the route handler throws it and the error handler sends `body()`. */
export class ManagementApiError extends Error {
  readonly code = "LYTICS_EMULATOR_MANAGEMENT_ERROR";
  /** The message as sent: NestJS validation errors carry one string per problem. */
  readonly detail: string | string[];

  constructor(
    readonly statusCode: number,
    message: string | string[],
    readonly errorCode?: string,
  ) {
    super(Array.isArray(message) ? message.join("; ") : message);
    this.name = "ManagementApiError";
    this.detail = message;
  }

  body(): ManagementErrorBody {
    return managementErrorBody(this.statusCode, this.detail, this.errorCode);
  }
}

export function managementErrorBody(
  statusCode: number,
  message: string | string[],
  errorCode?: string,
): ManagementErrorBody {
  const body: ManagementErrorBody = { statusCode, message, error: REASONS[statusCode] ?? "Error" };
  if (errorCode) body.error_code = errorCode;
  return body;
}

export const forbiddenResource = (): ManagementApiError =>
  new ManagementApiError(403, "Forbidden resource");
