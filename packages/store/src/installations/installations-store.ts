import { z } from "zod";

import type { AuditLogStore } from "../audit-log/audit-log-store";
import { NotFoundError } from "../errors/not-found-error";
import { StaleWriteError } from "../errors/stale-write-error";
import { checkOrgUid } from "../keys";
import { actorSchema, type Actor } from "../support/actor";
import { checkInput, checkStored } from "../support/parse-record";
import { resolveStoreOptions, type StoreOptions } from "../support/store-options";
import type { SecretBinding, SecretBox } from "../secret-box/secret-box";
import {
  connectedBySchema,
  installationHashSchema,
  oauthTokensSchema,
  tokensHashSchema,
  type ConnectedBy,
  type Installation,
  type OAuthTokens,
  type VersionedTokens,
} from "./installation";
import {
  CONNECT,
  MARK_IMPORT_ACCEPTED,
  MARK_NEEDS_RECONNECT,
  RECORD_FAILURE,
  RECORD_SUCCESS,
  SAVE_TOKENS,
} from "./installation-scripts";

/** How failing runs back off: base × 2^(failures-1), capped; degraded after a few in a row. */
export interface FailureBackoff {
  /** First retry delay. */
  readonly baseMs: number;
  /** Longest delay. */
  readonly capMs: number;
  /** Failures in a row before `connected` becomes `degraded`. */
  readonly degradedAfter: number;
}

/** 30 s, doubling, capped at an hour (a degraded organization is still tried hourly, so it recovers on its own); degraded after 3. */
export const DEFAULT_FAILURE_BACKOFF: FailureBackoff = Object.freeze({
  baseMs: 30_000,
  capMs: 60 * 60_000,
  degradedAfter: 3,
});

/** Options of {@link createInstallationsStore}. */
export interface InstallationsStoreOptions extends StoreOptions {
  /** Encrypts the tokens at rest. */
  readonly secretBox: SecretBox;
  /** @defaultValue {@link DEFAULT_FAILURE_BACKOFF} */
  readonly backoff?: Partial<FailureBackoff>;
  /** When given, `markImportAccepted` appends its `import-accepted` entry atomically with the change. */
  readonly auditLog?: AuditLogStore;
}

/** What `connect` needs: the authorization an Owner or Admin just gave. */
export interface ConnectInput {
  readonly orgUid: string;
  readonly region: string;
  readonly connectedBy: ConnectedBy;
  readonly scopes: readonly string[];
  readonly tokens: OAuthTokens;
}

const connectInputSchema = z.strictObject({
  orgUid: z.string().min(1),
  region: z.string().min(1),
  connectedBy: connectedBySchema,
  scopes: z.array(z.string().min(1)),
  tokens: oauthTokensSchema,
});

/** Options of `connect`. */
export interface ConnectOptions {
  /**
   * A first connection waits for its import plan to be accepted before anything is synced.
   * Applies only when the organization has no installation yet: a reconnect keeps the value it
   * had. @defaultValue false
   */
  readonly awaitingImport?: boolean;
}

/** Options of `markImportAccepted`: what its audit entry records. */
export interface MarkImportAcceptedOptions {
  /** Who accepted. @defaultValue the system */
  readonly by?: Actor;
  /** The accepted plan's id. */
  readonly importId?: string;
  /** How many grants the import adopted. */
  readonly adopted?: number;
}

const markImportAcceptedSchema = z.strictObject({
  by: actorSchema.optional(),
  importId: z.string().min(1).optional(),
  adopted: z.number().int().nonnegative().optional(),
});

/** Connected organizations and their encrypted OAuth tokens. */
export interface InstallationsStore {
  /**
   * Records an authorization: creates the installation, or resets a reconnecting one to
   * `connected` with no failures. Returns the installation and the new token version.
   */
  connect(
    input: ConnectInput,
    options?: ConnectOptions,
  ): Promise<{ installation: Installation; tokenVersion: number }>;
  /** The installation, or `null`. Never holds a secret. */
  get(orgUid: string): Promise<Installation | null>;
  /** Every installation, sorted by org uid. */
  list(): Promise<Installation[]>;
  /**
   * Installations the sync should run for: `connected` or `degraded` (not `needs-reconnect`), and
   * not awaiting their first-connection import.
   */
  listConnected(): Promise<Installation[]>;
  /**
   * The decrypted tokens with their version.
   * @throws {@link NotFoundError} when the organization has no tokens
   * @throws {@link DecryptError} / {@link UnknownKeyIdError} when they cannot be decrypted
   */
  readTokens(orgUid: string): Promise<VersionedTokens>;
  /**
   * Saves refreshed tokens (the refresh token rotates on every refresh) only if the stored version
   * is still `expectedVersion`. Two replicas refreshing at once: the second is refused with
   * {@link StaleWriteError} and must re-read, so the newer refresh token is never lost.
   * @returns the new version
   */
  saveTokens(
    orgUid: string,
    tokens: OAuthTokens,
    options: { expectedVersion: number },
  ): Promise<number>;
  /** The credential stopped working: stop syncing until someone authorizes again. */
  markNeedsReconnect(
    orgUid: string,
    reason: string,
  ): Promise<{ installation: Installation; changed: boolean }>;
  /**
   * The first-connection import was accepted: the organization may be synced from now on.
   * Audited `import-accepted` (when the store has an audit log) only when it was awaiting it;
   * `changed` is false when it was not (accepted already, or an installation from before).
   * @throws {@link NotFoundError} when the organization has no installation
   */
  markImportAccepted(
    orgUid: string,
    options?: MarkImportAcceptedOptions,
  ): Promise<{ installation: Installation; changed: boolean }>;
  /**
   * A run failed: count it, schedule the next attempt later, degrade after several in a row (the
   * failure that degrades the organization is audited as `installation-degraded`, with `runId`).
   */
  recordFailure(
    orgUid: string,
    reason: string,
    failure?: { runId?: string },
  ): Promise<Installation>;
  /** A run succeeded: clear the failures, and a degraded organization is connected again. */
  recordSuccess(orgUid: string): Promise<Installation>;
  /** Removes the installation and its tokens (grants, policy and history stay for a reconnect). */
  disconnect(orgUid: string): Promise<boolean>;
}

const REFRESH: Omit<SecretBinding, "orgUid"> = { purpose: "refresh-token" };
const ACCESS: Omit<SecretBinding, "orgUid"> = { purpose: "access-token" };

/** Creates the installations store. */
export function createInstallationsStore(options: InstallationsStoreOptions): InstallationsStore {
  const { redis, clock, keys } = resolveStoreOptions(options);
  const box = options.secretBox;
  const backoff = { ...DEFAULT_FAILURE_BACKOFF, ...options.backoff };

  async function read(orgUid: string): Promise<Installation | null> {
    const key = keys.installation(orgUid);
    const hash = await redis.hgetall(key);
    if (Object.keys(hash).length === 0) return null;
    return checkStored(installationHashSchema, hash, key);
  }

  async function mustRead(orgUid: string): Promise<Installation> {
    const installation = await read(orgUid);
    if (!installation) throw new NotFoundError(`installation of organization ${orgUid}`);
    return installation;
  }

  function tokenFields(orgUid: string, tokens: OAuthTokens, now: number): (string | number)[] {
    return [
      "refreshToken",
      box.encrypt(tokens.refreshToken, { orgUid, ...REFRESH }),
      "accessToken",
      box.encrypt(tokens.accessToken, { orgUid, ...ACCESS }),
      "accessTokenExpiresAt",
      tokens.accessTokenExpiresAt,
      "savedAt",
      now,
    ];
  }

  async function list(): Promise<Installation[]> {
    const orgUids = (await redis.smembers(keys.installationIndex())).sort();
    const found = await Promise.all(orgUids.map(read));
    // A uid without a record is what a crash between the index write and the record write leaves
    // (the index is written first); it is not a record, so there is nothing to report.
    return found.filter((installation): installation is Installation => installation !== null);
  }

  return {
    async connect(input, connectOptions = {}) {
      // Checked as a whole, but reported without values: the input holds the tokens.
      const checked = checkInput(connectInputSchema, input, "installation");
      checkOrgUid(checked.orgUid);
      const now = clock.now();
      const fields: (string | number)[] = [
        "orgUid",
        checked.orgUid,
        "region",
        checked.region,
        "connectedBy",
        JSON.stringify(checked.connectedBy),
        "connectedAt",
        now,
        "scopes",
        JSON.stringify(checked.scopes),
        "status",
        "connected",
        "statusSince",
        now,
        "failureCount",
        0,
      ];
      // Index first (another slot, so not in the script): a crash after it leaves an index entry
      // that `list` skips, never a record `list` cannot find.
      await redis.sadd(keys.installationIndex(), checked.orgUid);
      const tokenVersion = Number(
        await CONNECT.run(
          redis,
          [keys.installation(checked.orgUid), keys.tokens(checked.orgUid)],
          [
            fields.length,
            connectOptions.awaitingImport === true ? "1" : "0",
            ...fields,
            ...tokenFields(checked.orgUid, checked.tokens, now),
          ],
        ),
      );
      return { installation: await mustRead(checked.orgUid), tokenVersion };
    },

    get: read,
    list,

    async listConnected() {
      return (await list()).filter(
        (installation) => installation.status !== "needs-reconnect" && !installation.awaitingImport,
      );
    },

    async markImportAccepted(orgUid, acceptOptions = {}) {
      const checked = checkInput(markImportAcceptedSchema, acceptOptions, "import acceptance");
      const entry = {
        kind: "import-accepted" as const,
        actor: checked.by ?? { type: "system" as const, name: "import" },
        ...(checked.importId === undefined ? {} : { importId: checked.importId }),
        ...(checked.adopted === undefined ? {} : { adopted: checked.adopted }),
        at: clock.now(),
      };
      const audit = options.auditLog
        ? options.auditLog.prepareAppend(orgUid, entry).args
        : ["", 0, ""];
      const outcome = Number(
        await MARK_IMPORT_ACCEPTED.run(
          redis,
          [keys.installation(orgUid), keys.audit(orgUid)],
          audit,
        ),
      );
      if (outcome === 0) throw new NotFoundError(`installation of organization ${orgUid}`);
      return { installation: await mustRead(orgUid), changed: outcome === 2 };
    },

    async readTokens(orgUid) {
      const key = keys.tokens(orgUid);
      const hash = await redis.hgetall(key);
      if (Object.keys(hash).length === 0)
        throw new NotFoundError(`tokens of organization ${orgUid}`);
      const stored = checkStored(tokensHashSchema, hash, key);
      return {
        version: stored.version,
        savedAt: stored.savedAt,
        accessTokenExpiresAt: stored.accessTokenExpiresAt,
        refreshToken: box.decrypt(stored.refreshToken, { orgUid, ...REFRESH }),
        accessToken: box.decrypt(stored.accessToken, { orgUid, ...ACCESS }),
      };
    },

    async saveTokens(orgUid, tokens, { expectedVersion }) {
      const checked = checkInput(oauthTokensSchema, tokens, "OAuth tokens");
      const result = (await SAVE_TOKENS.run(
        redis,
        [keys.installation(orgUid), keys.tokens(orgUid)],
        [expectedVersion, ...tokenFields(orgUid, checked, clock.now())],
      )) as number[];
      if (result[0] === -1) throw new NotFoundError(`installation of organization ${orgUid}`);
      if (result[0] === 0)
        throw new StaleWriteError(
          `tokens of organization ${orgUid}`,
          expectedVersion,
          result[1] ?? null,
        );
      return Number(result[1]);
    },

    async markNeedsReconnect(orgUid, reason) {
      const outcome = Number(
        await MARK_NEEDS_RECONNECT.run(redis, [keys.installation(orgUid)], [clock.now(), reason]),
      );
      if (outcome === 0) throw new NotFoundError(`installation of organization ${orgUid}`);
      return { installation: await mustRead(orgUid), changed: outcome === 2 };
    },

    async recordFailure(orgUid, reason, failure = {}) {
      const now = clock.now();
      const found = Number(
        await RECORD_FAILURE.run(
          redis,
          [keys.installation(orgUid)],
          [now, reason, backoff.baseMs, backoff.capMs, backoff.degradedAfter],
        ),
      );
      if (found === 0) throw new NotFoundError(`installation of organization ${orgUid}`);
      const installation = await mustRead(orgUid);
      // Once, on the failure that made it degraded (the status is what the pages show; the entry
      // says when and why it started).
      if (found === 2 && options.auditLog)
        await options.auditLog.append(orgUid, {
          kind: "installation-degraded",
          at: now,
          actor: { type: "system", name: "sync" },
          failureCount: installation.failureCount,
          reason,
          ...(failure.runId ? { runId: failure.runId } : {}),
        });
      return installation;
    },

    async recordSuccess(orgUid) {
      const found = await RECORD_SUCCESS.run(redis, [keys.installation(orgUid)], [clock.now()]);
      if (Number(found) === 0) throw new NotFoundError(`installation of organization ${orgUid}`);
      return mustRead(orgUid);
    },

    async disconnect(orgUid) {
      const removed = await redis.del(keys.installation(orgUid), keys.tokens(orgUid));
      await redis.srem(keys.installationIndex(), orgUid);
      return removed > 0;
    },
  };
}
