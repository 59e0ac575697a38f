import "server-only";

import {
  ApiError,
  BadRequestError,
  ConflictError,
  ForbiddenError,
  NotFoundError,
  UnknownRoleSlugError,
  type FieldError,
} from "@lytics-access/lytics";

import { json } from "../responses";

/** Plain words for the Management API's field codes (api-notes Part C1); the code is kept too. */
const FIELD_MESSAGES: Readonly<Record<string, (error: FieldError) => string>> = {
  "lytics.PROJECTS.NOT_EMPTY": () => "This field is required.",
  "lytics.PROJECTS.MAX_CHAR_LIMIT": (error) =>
    typeof error.maxCharacters === "number"
      ? `At most ${error.maxCharacters} characters.`
      : "Too long.",
  "lytics.PROJECTS.DUPLICATE_PROJECT_NAME": () =>
    "Another project of this organization already has this name.",
  "lytics.PROJECTS.INVALID_DOMAIN": () => "Not a domain name (for example www.example.com).",
  "lytics.PROJECTS.DUPLICATE_CONNECTION": () =>
    "Already connected to another project of this organization.",
  "lytics.ROLES.UNKNOWN_ROLE": () => "This project does not offer that role.",
};

/** One field's problem as the form shows it beside the field. */
export interface FieldProblem {
  readonly code: string;
  readonly message: string;
}

export function fieldProblem(error: FieldError): FieldProblem {
  const words = FIELD_MESSAGES[error.code];
  return { code: error.code, message: words ? words(error) : (error.message ?? error.code) };
}

/** `400 {error: "invalid-fields", fields: {name: [{code, message}]}}`: shown beside each field. */
export function fieldErrors(fields: Readonly<Record<string, readonly FieldProblem[]>>): Response {
  return json(400, {
    error: "invalid-fields",
    fields,
    reasons: Object.entries(fields).flatMap(([field, problems]) =>
      problems.map((problem) => `${field}: ${problem.message}`),
    ),
  });
}

/**
 * A Management API failure as the app answers it: field errors beside their fields, Lytics' own
 * refusals (quota, owner, last Admin) with its words and code, an unreachable service as 502.
 */
export function apiFailure(error: unknown, what: string): Response {
  if (error instanceof UnknownRoleSlugError)
    return fieldErrors({ roles: [{ code: "lytics.ROLES.UNKNOWN_ROLE", message: error.message }] });
  if (error instanceof BadRequestError && error.fieldErrors)
    return fieldErrors(
      Object.fromEntries(
        Object.entries(error.fieldErrors).map(([field, list]) => [field, list.map(fieldProblem)]),
      ),
    );
  if (error instanceof NotFoundError)
    return json(404, { error: "not-found", reasons: [`${what}: it no longer exists.`] });
  if (error instanceof ConflictError || error instanceof ForbiddenError)
    return json(error instanceof ConflictError ? 409 : 403, {
      error: error instanceof ConflictError ? "refused-by-lytics" : "forbidden",
      rule: typeof error.apiCode === "string" ? error.apiCode : "lytics.refused",
      reasons: [`${what} was refused by Data & Insights: ${error.message}`],
    });
  if (error instanceof ApiError)
    return json(502, {
      error: "lytics-unavailable",
      reasons: [`${what} could not be completed: Data & Insights answered ${error.message}`],
    });
  throw error;
}
