/**
 * @lytics-access/store: everything lytics-access keeps in Redis, one small store per record type,
 * every key from one builder (`keys.ts`) under a braced hash tag so Redis Cluster works.
 */

// Connection, keys, time
export {
  closeStoreRedis,
  createStoreRedis,
  parseRedisUrl,
  type CreateStoreRedisOptions,
  type StoreRedisRole,
} from "./connection/create-store-redis";
export { DEFAULT_KEY_PREFIX, checkOrgUid, createKeys, type Key, type StoreKeys } from "./keys";
export { systemClock, type Clock } from "./support/clock";
export type { StoreOptions } from "./support/store-options";
export type { Actor } from "./support/actor";
export { normaliseEmail } from "./support/person-key";

// Secrets at rest
export { KEY_BYTES, parseKeyring, type Keyring, type KeyringConfig } from "./secret-box/keyring";
export { createSecretBox, type SecretBinding, type SecretBox } from "./secret-box/secret-box";

// Connected organizations
export {
  INSTALLATION_STATUSES,
  type ConnectedBy,
  type Installation,
  type InstallationStatus,
  type OAuthTokens,
  type VersionedTokens,
} from "./installations/installation";
export {
  DEFAULT_FAILURE_BACKOFF,
  type FailureBackoff,
  createInstallationsStore,
  type ConnectInput,
  type ConnectOptions,
  type MarkImportAcceptedOptions,
  type InstallationsStore,
  type InstallationsStoreOptions,
} from "./installations/installations-store";

// Grants, project owners, Member levels
export {
  GRANT_SOURCES,
  type CreateGrantInput,
  type Grant,
  type GrantSource,
  type UpdateGrantInput,
} from "./grants/grant";
export { createGrantsStore, type GrantsStore } from "./grants/grants-store";
export {
  createProjectOwnersStore,
  type ProjectOwner,
  type ProjectOwnersStore,
} from "./grants/project-owners-store";
export {
  MEMBER_LEVEL_IDS,
  createMemberLevelsStore,
  type MemberLevelGrant,
  type MemberLevelsStore,
} from "./grants/member-levels-store";

// Access requests (DESIGN §5)
export {
  ACCESS_REQUEST_STATUSES,
  type AccessRequest,
  type AccessRequestStatus,
  type AccessRequester,
  type CreateAccessRequestInput,
  type DecideAccessRequestInput,
} from "./access-requests/access-request";
export {
  createAccessRequestsStore,
  type AccessRequestQuery,
  type AccessRequestsStore,
} from "./access-requests/access-requests-store";

// Mapping policy
export {
  POLICY_HISTORY_LIMIT,
  createPolicyStore,
  type PolicyHistoryEntry,
  type PolicyStore,
  type PolicyStoreOptions,
} from "./policy/policy-store";

// Audit log
export {
  AUDIT_ENTRY_KINDS,
  AUDIT_ENTRY_SCHEMAS,
  auditEntrySchema,
  type AuditEntry,
  type AuditEntryInput,
  type AuditEntryKind,
  type StoredAuditEntry,
} from "./audit-log/audit-entry";
export {
  AUDIT_APPEND_LUA,
  DEFAULT_AUDIT_RETENTION,
  type AuditRetention,
  createAuditLogStore,
  type AuditLogStore,
  type AuditLogStoreOptions,
  type AuditPage,
  type AuditQuery,
  type PreparedAuditAppend,
} from "./audit-log/audit-log-store";
export { AUDIT_CSV_COLUMNS, auditEntriesToCsv, csvCell } from "./audit-log/audit-csv";

// Sync runs and the run lock
export {
  KNOWN_RUN_TRIGGERS,
  RUN_OUTCOMES,
  type RunCounts,
  type RunOutcome,
  type SyncRun,
} from "./sync-runs/sync-run";
export {
  DEFAULT_RUN_HISTORY_LIMIT,
  createSyncRunsStore,
  type SyncRunsStore,
  type SyncRunsStoreOptions,
} from "./sync-runs/sync-runs-store";
export {
  DEFAULT_RUN_LOCK_TTL_MS,
  createRunLockStore,
  type RunLock,
  type RunLockStore,
} from "./sync-runs/run-lock";

// Crash safety: step markers and held plans
export {
  DEFAULT_STEP_TIMINGS,
  type StepTimings,
  createAppliedStepsStore,
  type AppliedStepsStore,
  type AppliedStepsStoreOptions,
  type MarkDoneOptions,
  type StepClaim,
  type SyncedRoles,
  type UnfinishedStep,
} from "./applied-steps/applied-steps-store";
export {
  DEFAULT_HELD_PLAN_RETENTION,
  heldPlansPastRetention,
  type HeldPlanRetention,
} from "./held-plans/held-plan-retention";
export {
  heldPlanStanding,
  plansWaiting,
  type HeldPlanStanding,
} from "./held-plans/held-plan-standing";
export {
  createHeldPlansStore,
  HELD_PLAN_RETENTION_ACTOR,
  type HeldPlan,
  type HeldPlansStore,
  type HeldPlansStoreOptions,
  type HoldInput,
} from "./held-plans/held-plans-store";

// Member directory (the Members page's snapshot, written by the worker)
export {
  DIRECTORY_ORG_ROLES,
  DIRECTORY_SYNC_STATUSES,
  indexEntryOf,
  type DirectoryIndexEntry,
  type DirectoryMeta,
  type DirectoryOrgRole,
  type DirectoryProject,
  type DirectoryRoleSource,
  type DirectoryRow,
  type DirectorySyncStatus,
} from "./member-directory/member-directory-row";
export {
  DIRECTORY_MAX_PAGE_SIZE,
  matchDirectory,
  type DirectoryMatch,
  type DirectoryQuery,
} from "./member-directory/member-directory-query";
export {
  createMemberDirectoryStore,
  type MemberDirectoryStore,
} from "./member-directory/member-directory-store";

// Change detection
export {
  RECENT_UIDS_LIMIT,
  advanceAuditCursor,
  type AuditCursor,
  type AuditItemRef,
} from "./audit-cursor/audit-cursor";
export { createAuditCursorStore, type AuditCursorStore } from "./audit-cursor/audit-cursor-store";

// Shared rate limiter
export {
  createRateLimiter,
  type RateDecision,
  type RateLimit,
  type RateLimiter,
  type RateLimiterOptions,
} from "./rate-limit/rate-limiter";

// Web sessions and the one-time records of the OAuth sign-in (apps/web)
export {
  createOneTimeStore,
  createSessionsStore,
  newSecret,
  type CreateSessionInput,
  type Handoff,
  type LoginAttempt,
  type OneTimeStore,
  type OneTimeStoreOptions,
  type Session,
  type SessionPerson,
  type SessionTokens,
  type SessionsStore,
  type SessionsStoreOptions,
} from "./sessions";

// Errors (each with a stable `code`)
export { StoreError } from "./errors/store-error";
export { AlreadyExistsError } from "./errors/already-exists-error";
export { CorruptRecordError } from "./errors/corrupt-record-error";
export { DecryptError } from "./errors/decrypt-error";
export { InvalidInputError } from "./errors/invalid-input-error";
export { InvalidKeyringError } from "./errors/invalid-keyring-error";
export { InvalidRedisUrlError } from "./errors/invalid-redis-url-error";
export { LockNotHeldError } from "./errors/lock-not-held-error";
export { NotFoundError } from "./errors/not-found-error";
export { PlanAlreadyDecidedError } from "./errors/plan-already-decided-error";
export { StaleWriteError } from "./errors/stale-write-error";
export { UnknownKeyIdError } from "./errors/unknown-key-id-error";
