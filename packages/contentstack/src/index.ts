// Public API of @lytics-access/contentstack. Nothing else in the project builds a Contentstack URL.

// Regions and endpoints
export {
  REGION_IDS,
  REGIONS,
  regionFromLocation,
  toManagementSdkRegion,
  isRegionName,
} from "./config/regions";
export type { RegionId, RegionHosts, ManagementSdkRegion } from "./config/regions";
export { resolveEndpoints, endpointsConfigSchema } from "./config/endpoints";
export type { ContentstackEndpoints, EndpointsConfig } from "./config/endpoints";

// Organization client
export { createContentstackClient } from "./client";
export type { ContentstackClient, ContentstackClientOptions } from "./client";
export type {
  ContentstackCredentials,
  AuthtokenCredentials,
  OAuthCredentials,
  TokenRefresher,
} from "./auth/credentials";
export type { ContentstackUser, UserOrganization } from "./resources/user";
export type { Organization, PlanRateLimits } from "./resources/organization";
export type { OrgRoleDefinition } from "./resources/roles";
export type {
  OrgMember,
  MemberInvite,
  MemberSort,
  ListMembersOptions,
  RemovedShare,
} from "./resources/members";
export type { AuditLogEntry, AuditLogQuery } from "./resources/audit-log";
export {
  membershipChangesOf,
  membershipChangesFrom,
  peopleNamedBy,
} from "./resources/membership-changes";
export type { MembershipChange, MembershipChangeKind } from "./resources/membership-changes";
export type { ListedOrganization } from "./resources/organization-admin";
export { ORG_ROLES, resolveOrgRole } from "./resources/member-roles";
export type { OrgRole, RoleResolutionContext, ResolvedRole } from "./resources/member-roles";

// HTTP policy pieces a caller may share or tune
export { createRateLimiter } from "./http/rate-limiter";
export type { RateLimiter, RateLimiterOptions, RequestKind } from "./http/rate-limiter";
export type { RetryOptions } from "./http/retry";
export { createContentstackLogger, REDACT_PATHS } from "./http/logger";

// OAuth and app tokens
export { createOAuthClient } from "./oauth/oauth-client";
export type {
  OAuthClient,
  OAuthClientOptions,
  AuthorizationUrlInput,
  CallbackResult,
} from "./oauth/oauth-client";
export type { OAuthTokens } from "./oauth/oauth-tokens";
export { createAppTokenVerifier, verifyAppToken } from "./app-token/verify-app-token";
export type {
  AppTokenClaims,
  AppTokenVerifier,
  AppTokenVerifierOptions,
} from "./app-token/verify-app-token";

// Errors (one class per failure mode, each with a stable `code`)
export { ContentstackApiError } from "./errors/contentstack-api-error";
export type { ContentstackErrorDetails } from "./errors/contentstack-api-error";
export { RateLimitedError } from "./errors/rate-limited-error";
export { AuthError } from "./errors/auth-error";
export { ForbiddenError } from "./errors/forbidden-error";
export { NotFoundError } from "./errors/not-found-error";
export { InvalidResponseError } from "./errors/invalid-response-error";
export type { InvalidResponseReason } from "./errors/invalid-response-error";
export { TimeoutError } from "./errors/timeout-error";
export { NetworkError } from "./errors/network-error";
export { OAuthError } from "./errors/oauth-error";
export { AppTokenError } from "./errors/app-token-error";
export type { AppTokenFailure } from "./errors/app-token-error";
export { ContentstackConfigError } from "./errors/config-error";
