// The organization-scoped Contentstack client the worker and the web app use. One client per
// organization and credential; every call shares the transport's limiter, retries and timeouts.
import type { Clock, Logger, RateLimiter, RetryOptions } from "@lytics-access/http";
import { z } from "zod";
import { createCredentialProvider, type ContentstackCredentials } from "./auth/credentials";
import { describeIssues, resolveEndpoints, type ContentstackEndpoints } from "./config/endpoints";
import { ContentstackConfigError } from "./errors/config-error";
import { createContentstackLogger } from "./http/logger";
import { createRateLimiter, type ContentstackRateLimiterOptions } from "./http/rate-limiter";
import { createTransport } from "./http/request";
import { listAuditLog, type AuditLogEntry, type AuditLogQuery } from "./resources/audit-log";
import type { ResourceContext } from "./resources/context";
import {
  inviteMembers,
  listMembers,
  removeMembers,
  searchMembersByEmail,
  type ListMembersOptions,
  type RemovedShare,
  type MemberInvite,
  type OrgMember,
} from "./resources/members";
import {
  getDataActivationLayer,
  type DataActivationLayer,
} from "./resources/data-activation-layer";
import { getOrganization, type Organization } from "./resources/organization";
import {
  listOrganizations,
  resendInvitation,
  transferOwnership,
  type ListedOrganization,
} from "./resources/organization-admin";
import { listOrgRoles, type OrgRoleDefinition } from "./resources/roles";
import { getUser, type ContentstackUser } from "./resources/user";
import { createManagementSdk } from "./sdk/management-sdk";

const nonEmpty = z.string().min(1, "must not be empty");

const clientOptionsSchema = z.object({
  region: z.string().optional(),
  overrides: z
    .object({
      apiUrl: z.string(),
      appUrl: z.string(),
      developerHubUrl: z.string(),
      lyticsManagementUrl: z.string(),
    })
    .partial()
    .optional(),
  organizationUid: nonEmpty,
  credentials: z.discriminatedUnion("kind", [
    z.object({ kind: z.literal("authtoken"), authtoken: nonEmpty }),
    z.object({
      kind: z.literal("oauth"),
      accessToken: nonEmpty,
      refreshToken: nonEmpty.optional(),
      expiresAt: z.number({ error: "must be epoch milliseconds" }).int().positive(),
      refreshSkewMs: z.number().int().min(0).optional(),
    }),
  ]),
  timeoutMs: z.number().int().positive().default(15_000),
  maxResponseBytes: z.number().int().positive().optional(),
  pageSize: z.number().int().min(1).max(100).default(100),
});

export interface ContentstackClientOptions {
  /** Region picking every host. @defaultValue "NA" */
  region?: string;
  /** Base-URL overrides (the emulators); they win over the region's hosts. */
  overrides?: {
    apiUrl?: string;
    appUrl?: string;
    developerHubUrl?: string;
    lyticsManagementUrl?: string;
  };
  /** The organization every call is about (and whose rate budget it spends). */
  organizationUid: string;
  credentials: ContentstackCredentials;
  /** @defaultValue the package logger (warnings and up, credentials redacted) */
  logger?: Logger;
  /** Per-attempt timeout (connect, headers and body). @defaultValue 15000 */
  timeoutMs?: number;
  /** Largest response body read; a larger one ends in ResponseTooLargeError. @defaultValue 10 MiB */
  maxResponseBytes?: number;
  /**
   * A limiter shared with other clients, or options for a private one.
   * @defaultValue one limiter per process at the published 10 reads/s and 10 writes/s per organization
   */
  limiter?: RateLimiter | ContentstackRateLimiterOptions;
  /**
   * Backoff for 429 (always) and 5xx, network and timeout failures (calls safe to repeat only).
   * @defaultValue 4 retries, full jitter from 250 ms up to 8 s, Retry-After honoured up to 60 s
   */
  retry?: RetryOptions;
  /**
   * Time source for backoff, pacing and the OAuth token's expiry (tests).
   * @defaultValue the system clock
   */
  clock?: Clock;
  /** The fetch every call goes through (tests observe calls in flight). @defaultValue globalThis.fetch */
  fetch?: typeof fetch;
  /** [0, 1) source for backoff jitter (tests). @defaultValue Math.random */
  random?: () => number;
  /** Items per listing request. @defaultValue 100 (the CMA maximum) */
  pageSize?: number;
}

export interface ContentstackClient {
  readonly organizationUid: string;
  readonly endpoints: ContentstackEndpoints;
  getUser(): Promise<ContentstackUser>;
  getOrganization(options?: { includePlan?: boolean }): Promise<Organization>;
  listOrgRoles(): Promise<OrgRoleDefinition[]>;
  /** The organization's Data Activation Layer, or null when none exists yet. */
  getDataActivationLayer(): Promise<DataActivationLayer | null>;
  /** Every user and pending invitation with its resolved role; an empty or ownerless list throws. */
  listMembers(options?: ListMembersOptions): Promise<OrgMember[]>;
  searchMembersByEmail(emails: readonly string[]): Promise<OrgMember[]>;
  inviteMembers(
    invites: readonly MemberInvite[],
    options?: { message?: string },
  ): Promise<OrgMember[]>;
  removeMembers(
    emails: readonly string[],
  ): Promise<{ notice: string | null; removed: RemovedShare[] }>;
  listAuditLog(query?: AuditLogQuery): Promise<AuditLogEntry[]>;
  /** The organizations the credential's person belongs to (only its own for an OAuth token). */
  listOrganizations(): Promise<ListedOrganization[]>;
  resendInvitation(shareUid: string): Promise<{ notice: string | null }>;
  /** Owner only: makes an accepted member the Owner. */
  transferOwnership(email: string): Promise<{ notice: string | null }>;
}

let processLimiter: RateLimiter | undefined;

function isRateLimiter(
  value: RateLimiter | ContentstackRateLimiterOptions | undefined,
): value is RateLimiter {
  return typeof (value as RateLimiter | undefined)?.acquire === "function";
}

export function createContentstackClient(options: ContentstackClientOptions): ContentstackClient {
  const parsed = clientOptionsSchema.safeParse(options);
  if (!parsed.success) throw new ContentstackConfigError(describeIssues(parsed.error));
  const config = parsed.data;
  const endpoints = resolveEndpoints({ region: config.region, ...config.overrides });
  const logger = (options.logger ?? createContentstackLogger()).child({
    organizationUid: config.organizationUid,
  });
  const limiter = isRateLimiter(options.limiter)
    ? options.limiter
    : options.limiter
      ? createRateLimiter(options.limiter)
      : (processLimiter ??= createRateLimiter());
  const transport = createTransport({
    organizationUid: config.organizationUid,
    credentials: createCredentialProvider(
      options.credentials,
      options.clock ? () => (options.clock as Clock).now() : undefined,
    ),
    limiter,
    logger,
    timeoutMs: config.timeoutMs,
    maxResponseBytes: config.maxResponseBytes,
    retry: options.retry,
    clock: options.clock,
    fetch: options.fetch,
    random: options.random,
  });
  const context: ResourceContext = {
    organizationUid: config.organizationUid,
    endpoints,
    transport,
    sdk: createManagementSdk(endpoints.apiUrl, transport, logger),
    logger,
    pageSize: config.pageSize,
  };
  return {
    organizationUid: config.organizationUid,
    endpoints,
    getUser: () => getUser(context),
    getOrganization: (getOptions) => getOrganization(context, getOptions),
    listOrgRoles: () => listOrgRoles(context),
    getDataActivationLayer: () => getDataActivationLayer(context),
    listMembers: (listOptions) => listMembers(context, listOptions),
    searchMembersByEmail: (emails) => searchMembersByEmail(context, emails),
    inviteMembers: (invites, inviteOptions) => inviteMembers(context, invites, inviteOptions),
    removeMembers: (emails) => removeMembers(context, emails),
    listAuditLog: (query) => listAuditLog(context, query),
    listOrganizations: () => listOrganizations(context),
    resendInvitation: (shareUid) => resendInvitation(context, shareUid),
    transferOwnership: (email) => transferOwnership(context, email),
  };
}
