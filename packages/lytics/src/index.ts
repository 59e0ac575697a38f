// The public surface of @lytics-access/lytics. Everything else is internal.

// Clients
export {
  createLyticsManagementClient,
  type InviteCollaboratorsInput,
  type LyticsManagementClient,
  type LyticsManagementClientOptions,
  type ManagementCredentials,
} from "./management/client";
export {
  createLyticsUserClient,
  type InviteUserInput,
  type LyticsUserClient,
  type LyticsUserClientOptions,
} from "./users/client";

// Domain types
export type {
  CreateProjectInput,
  DeleteOutcome,
  LyticsProject,
  UpdateProjectInput,
} from "./management/projects";
export type { ProjectCollaborator, RemoveCollaboratorOutcome } from "./management/collaborators";
export type { AssignableRole } from "./management/roles";
export type { LyticsUser, RemoveOutcome } from "./users/users";
export type { AvailableRole } from "./users/account";

// Regions and endpoints
export { LYTICS_USER_API_BASE_URL } from "./config/regions";
export {
  resolveManagementBaseUrl,
  resolveUserApiBaseUrl,
  type ManagementEndpointOptions,
} from "./config/endpoints";

// Role slugs
export {
  BASELINE_ROLE_SLUG,
  checkRoleSlugs,
  stripBaselineRoles,
  type KnownRoleSlugs,
} from "./roles/check-role-slugs";

// Transport settings (the HTTP core's, shared with @lytics-access/contentstack)
export type { CommonClientOptions } from "./http/common-options";
export { DEFAULT_TIMEOUT_MS } from "./http/common-options";
export { createRateLimiter, DEFAULT_RATE_PER_SECOND, type RateLimiter } from "./http/rate-limiter";
export type { RetryPolicy } from "./http/request";
export {
  DEFAULT_RETRY_OPTIONS,
  shouldRetry,
  createLogger,
  REDACT_PATHS,
  type Clock,
  type RetryOptions,
} from "@lytics-access/http";
export { createLyticsLogger } from "./http/logger";

// Errors: the HTTP core's one family, shared with @lytics-access/contentstack, plus this package's own
export {
  ApiError,
  AuthError,
  BadRequestError,
  ConflictError,
  ForbiddenError,
  InsecureUrlError,
  InvalidResponseError,
  NetworkError,
  NotFoundError,
  RateLimitedError,
  RedirectRefusedError,
  ResponseTooLargeError,
  ServerError,
  TimeoutError,
  type ApiErrorDetails,
  type ApiName,
  type FieldError,
  type InvalidResponseReason,
} from "@lytics-access/http";
export { InvalidInputError } from "./errors/invalid-input-error";
export { UnknownRoleSlugError, type RoleSlugSource } from "./errors/unknown-role-slug-error";
