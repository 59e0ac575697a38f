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

// Transport settings
export type { CommonClientOptions } from "./http/common-options";
export { DEFAULT_TIMEOUT_MS } from "./http/common-options";
export { createRateLimiter, DEFAULT_RATE_PER_SECOND, type RateLimiter } from "./http/rate-limiter";
export {
  DEFAULT_RETRY_OPTIONS,
  isRetryable,
  type RetryOptions,
  type RetryPolicy,
} from "./http/retry";
export { createLyticsLogger, LYTICS_LOG_REDACT_PATHS } from "./http/logger";

// Errors
export { LyticsApiError, type LyticsApiKind } from "./errors/lytics-api-error";
export { AuthError } from "./errors/auth-error";
export { BadRequestError } from "./errors/bad-request-error";
export { ConflictError } from "./errors/conflict-error";
export { ForbiddenError } from "./errors/forbidden-error";
export { InvalidInputError } from "./errors/invalid-input-error";
export { InvalidResponseError, type InvalidResponseReason } from "./errors/invalid-response-error";
export { NetworkError } from "./errors/network-error";
export { NotFoundError } from "./errors/not-found-error";
export { RateLimitedError } from "./errors/rate-limited-error";
export { ServerError } from "./errors/server-error";
export { TimeoutError } from "./errors/timeout-error";
export { UnknownRoleSlugError, type RoleSlugSource } from "./errors/unknown-role-slug-error";
