import { ApiError, type ApiErrorDetails } from "./api-error";
import { AuthError } from "./auth-error";
import { BadRequestError } from "./bad-request-error";
import { ConflictError } from "./conflict-error";
import { ForbiddenError } from "./forbidden-error";
import { NotFoundError } from "./not-found-error";
import { RateLimitedError } from "./rate-limited-error";
import { ServerError } from "./server-error";

/** The narrowest error class for an error status, so callers branch on the class or `code`. */
export function errorForStatus(
  message: string,
  details: ApiErrorDetails & { status: number },
): ApiError {
  const { status } = details;
  if (status === 400 || status === 422) return new BadRequestError(message, details);
  if (status === 401) return new AuthError(message, details);
  if (status === 403) return new ForbiddenError(message, details);
  if (status === 404) return new NotFoundError(message, details);
  if (status === 409) return new ConflictError(message, details);
  if (status === 429) return new RateLimitedError(message, details);
  if (status >= 500) return new ServerError(message, details);
  return new ApiError(message, details);
}
