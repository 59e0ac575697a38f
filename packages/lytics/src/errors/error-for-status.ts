import { AuthError } from "./auth-error";
import { BadRequestError } from "./bad-request-error";
import { ConflictError } from "./conflict-error";
import { ForbiddenError } from "./forbidden-error";
import { LyticsApiError, type LyticsApiErrorDetails } from "./lytics-api-error";
import { NotFoundError } from "./not-found-error";
import { RateLimitedError } from "./rate-limited-error";
import { ServerError } from "./server-error";

/** The typed error for an error status, so callers can branch on the class or on `code`. */
export function errorForStatus(
  details: LyticsApiErrorDetails & { status: number },
): LyticsApiError {
  const { status } = details;
  if (status === 401) return new AuthError(details);
  if (status === 403) return new ForbiddenError(details);
  if (status === 404) return new NotFoundError(details);
  if (status === 409) return new ConflictError(details);
  if (status === 429) return new RateLimitedError(details);
  if (status === 400 || status === 422) return new BadRequestError(details);
  if (status >= 500) return new ServerError(details);
  return new LyticsApiError(details);
}
