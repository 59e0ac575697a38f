// Public API of @lytics-access/contentstack. Nothing else in the project builds a Contentstack URL.

// Regions (the table lives in @lytics-access/http, re-exported here) and endpoints
export {
  REGION_IDS,
  REGIONS,
  regionFromLocation,
  toManagementSdkRegion,
  isRegionName,
} from "@lytics-access/http";
export type { RegionId, RegionHosts, ManagementSdkRegion } from "@lytics-access/http";
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
export type { DataActivationLayer } from "./resources/data-activation-layer";
export type { OrgRoleDefinition } from "./resources/roles";
export type {
  OrgMember,
  MemberInvite,
  MemberSort,
  ListMembersOptions,
  MemberRoleContext,
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
export type { ContentstackRateLimiterOptions, RequestKind } from "./http/rate-limiter";
export type { Clock, RateLimiter, RetryOptions } from "@lytics-access/http";
export { createContentstackLogger } from "./http/logger";
export { createLogger, REDACT_PATHS } from "@lytics-access/http";

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

// Errors: the HTTP core's one family, shared with @lytics-access/lytics, plus this package's own
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
} from "@lytics-access/http";
export type {
  ApiErrorDetails,
  ApiName,
  FieldError,
  InvalidResponseReason,
} from "@lytics-access/http";
export { OAuthError } from "./errors/oauth-error";
export { AppTokenError } from "./errors/app-token-error";
export type { AppTokenFailure } from "./errors/app-token-error";
export { ContentstackConfigError } from "./errors/config-error";
