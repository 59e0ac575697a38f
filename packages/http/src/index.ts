// Public API of @lytics-access/http: the one HTTP core of the Contentstack and Lytics clients.

// Errors: one family for both services (one class per file, each with a stable `code`)
export { ApiError } from "./errors/api-error";
export type { ApiName, ApiErrorDetails, FieldError } from "./errors/api-error";
export { AuthError } from "./errors/auth-error";
export { BadRequestError } from "./errors/bad-request-error";
export { ConflictError } from "./errors/conflict-error";
export { ForbiddenError } from "./errors/forbidden-error";
export { NotFoundError } from "./errors/not-found-error";
export { RateLimitedError } from "./errors/rate-limited-error";
export { ServerError } from "./errors/server-error";
export { TimeoutError } from "./errors/timeout-error";
export { NetworkError } from "./errors/network-error";
export { InvalidResponseError } from "./errors/invalid-response-error";
export type { InvalidResponseReason } from "./errors/invalid-response-error";
export { ResponseTooLargeError } from "./errors/response-too-large-error";
export { RedirectRefusedError } from "./errors/redirect-refused-error";
export { InsecureUrlError } from "./errors/insecure-url-error";
export { errorForStatus } from "./errors/error-for-status";

// Requests
export { sendRequest, DEFAULT_MAX_RESPONSE_BYTES } from "./request/send-request";
export type { SendRequestInput, RawResponse } from "./request/send-request";
export { createApiTransport, buildUrl } from "./request/api-transport";
export type {
  ApiCall,
  ApiResponse,
  ApiTransport,
  ApiTransportOptions,
  ErrorBodyInfo,
  TransportCredentials,
} from "./request/api-transport";

// Base URLs
export { baseUrlSchema, baseUrlProblem, checkBaseUrl, isLoopbackHost } from "./url/base-url";

// Retries, pacing, time
export {
  DEFAULT_RETRY_OPTIONS,
  backoffDelay,
  decideRetry,
  isSafeToRepeat,
  shouldRetry,
} from "./retry/retry-policy";
export type { RetryDecision, RetryOptions } from "./retry/retry-policy";
export { parseRetryAfter } from "./retry/parse-retry-after";
export { withRetry } from "./retry/with-retry";
export { createRateLimiter } from "./limiter/rate-limiter";
export type { RateLimiter, RateLimiterOptions } from "./limiter/rate-limiter";
export { systemClock } from "./clock";
export type { Clock } from "./clock";

// Logs
export { createLogger, silentLogger } from "./log/create-logger";
export type { CreateLoggerOptions, Logger } from "./log/create-logger";
export { REDACT_PATHS, SECRET_FIELDS, isSecretName, redactHeaders } from "./log/redaction";

// Regions
export {
  REGION_IDS,
  REGIONS,
  isRegionName,
  regionFromLocation,
  toManagementSdkRegion,
} from "./regions/regions";
export type { ManagementSdkRegion, RegionHosts, RegionId } from "./regions/regions";

// Error bodies more than one client meets
export { readContentstackErrorBody, toFieldErrors } from "./error-bodies/contentstack-error-body";
