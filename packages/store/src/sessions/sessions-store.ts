import { randomBytes, timingSafeEqual } from "node:crypto";

import { InvalidInputError } from "../errors/invalid-input-error";
import { StaleWriteError } from "../errors/stale-write-error";
import type { SecretBox } from "../secret-box/secret-box";
import { LuaScript } from "../support/lua-script";
import { checkInput, parseStored } from "../support/parse-record";
import { resolveStoreOptions, type StoreOptions } from "../support/store-options";
import {
  createSessionInputSchema,
  sessionPersonSchema,
  sessionTokensSchema,
  storedSessionSchema,
  type CreateSessionInput,
  type Session,
  type SessionPerson,
  type SessionTokens,
  type StoredSession,
} from "./session";
import { createSessionKeys } from "./session-keys";

/** Options of {@link createSessionsStore}. */
export interface SessionsStoreOptions extends StoreOptions {
  /** Encrypts the OAuth tokens behind each session. */
  readonly secretBox: SecretBox;
  /**
   * A session unused for this long ends.
   * @defaultValue 2 hours
   */
  readonly idleTtlMs?: number;
  /**
   * No session lives longer than this, however active.
   * @defaultValue 12 hours
   */
  readonly absoluteTtlMs?: number;
}

export interface SessionsStore {
  /** Starts a session for a verified app-token identity; the id goes into the cookie. */
  create(input: CreateSessionInput): Promise<{ sessionId: string; session: Session }>;
  /** The live session, or null when it is unknown, idle too long or past its lifetime. Slides the idle TTL. */
  get(sessionId: string): Promise<Session | null>;
  /** Constant-time check of a CSRF token against the session's. */
  checkCsrf(session: Session, presented: string | null | undefined): boolean;
  /**
   * Attaches the person's OAuth tokens and resolved standing (sign-in).
   * @throws {@link StaleWriteError} when the session changed or ended meanwhile
   */
  signIn(
    sessionId: string,
    expectedVersion: number,
    input: { tokens: SessionTokens; person: SessionPerson },
  ): Promise<Session>;
  /** The decrypted tokens behind a signed-in session, or null. */
  readTokens(sessionId: string): Promise<SessionTokens | null>;
  /** Replaces the tokens after a refresh (compare-and-set). */
  saveTokens(sessionId: string, expectedVersion: number, tokens: SessionTokens): Promise<Session>;
  /** Records a fresh reading of the person's standing (compare-and-set). */
  updatePerson(sessionId: string, expectedVersion: number, person: SessionPerson): Promise<Session>;
  /** Ends the session. Resolves true when there was one. */
  destroy(sessionId: string): Promise<boolean>;
  /**
   * A short lock so only one request refreshes a session's tokens (refresh tokens rotate: a
   * second, concurrent refresh would spend a token the first already replaced).
   */
  tryLockRefresh(sessionId: string, ttlMs: number): Promise<boolean>;
  unlockRefresh(sessionId: string): Promise<void>;
}

const DEFAULT_IDLE_TTL_MS = 2 * 60 * 60 * 1000;
const DEFAULT_ABSOLUTE_TTL_MS = 12 * 60 * 60 * 1000;
const SESSION_ID = /^[A-Za-z0-9_-]{43}$/;

// Compare-and-set on the record's version; KEEPTTL leaves the idle expiry as it was.
const CAS_SESSION = new LuaScript(
  "session-cas",
  `local current = redis.call('GET', KEYS[1])
if not current then return -1 end
local ok, record = pcall(cjson.decode, current)
if not ok then return -2 end
if tonumber(record.version) ~= tonumber(ARGV[1]) then return tonumber(record.version) end
redis.call('SET', KEYS[1], ARGV[2], 'KEEPTTL')
return 0`,
);

/** A fresh 256-bit secret in base64url (43 characters). */
export function newSecret(): string {
  return randomBytes(32).toString("base64url");
}

export function createSessionsStore(options: SessionsStoreOptions): SessionsStore {
  const { redis, clock, keys: storeKeys } = resolveStoreOptions(options);
  const keys = createSessionKeys(storeKeys.prefix);
  const idleTtlMs = options.idleTtlMs ?? DEFAULT_IDLE_TTL_MS;
  const absoluteTtlMs = options.absoluteTtlMs ?? DEFAULT_ABSOLUTE_TTL_MS;
  const box = options.secretBox;

  const binding = (sessionId: string, orgUid: string) => ({
    orgUid,
    purpose: `session-tokens:${keys.digest(sessionId)}`,
  });

  function toSession(stored: StoredSession): Session {
    // The ciphertext stays inside this module.
    const { tokens: _tokens, ...session } = stored;
    return session;
  }

  async function read(sessionId: string): Promise<StoredSession | null> {
    if (!SESSION_ID.test(sessionId)) return null;
    const key = keys.session(sessionId);
    const raw = await redis.get(key);
    if (raw === null) return null;
    const stored = parseStored(storedSessionSchema, raw, "session");
    if (clock.now() >= stored.expiresAt) {
      await redis.del(key);
      return null;
    }
    return stored;
  }

  async function write(
    sessionId: string,
    expectedVersion: number,
    change: (current: StoredSession) => StoredSession,
  ): Promise<Session> {
    const current = await read(sessionId);
    if (current === null) throw new StaleWriteError("session", expectedVersion, null);
    if (current.version !== expectedVersion)
      throw new StaleWriteError("session", expectedVersion, current.version);
    const next = { ...change(current), version: current.version + 1 };
    const result = Number(
      await CAS_SESSION.run(
        redis,
        [keys.session(sessionId)],
        [expectedVersion, JSON.stringify(next)],
      ),
    );
    if (result !== 0)
      throw new StaleWriteError("session", expectedVersion, result === -1 ? null : result);
    return toSession(next);
  }

  function encryptTokens(sessionId: string, orgUid: string, tokens: SessionTokens) {
    const checked = checkInput(sessionTokensSchema, tokens, "session tokens");
    return {
      tokens: box.encrypt(JSON.stringify(checked), binding(sessionId, orgUid)),
      tokenExpiresAt: checked.expiresAt,
    };
  }

  return Object.freeze({
    async create(input: CreateSessionInput) {
      const checked = checkInput(createSessionInputSchema, input, "session");
      const sessionId = newSecret();
      const now = clock.now();
      const stored: StoredSession = {
        ...checked,
        createdAt: now,
        expiresAt: now + absoluteTtlMs,
        csrfToken: newSecret(),
        version: 1,
      };
      await redis.set(
        keys.session(sessionId),
        JSON.stringify(stored),
        "PX",
        Math.min(idleTtlMs, absoluteTtlMs),
      );
      return { sessionId, session: toSession(stored) };
    },

    async get(sessionId: string) {
      const stored = await read(sessionId);
      if (stored === null) return null;
      const remaining = stored.expiresAt - clock.now();
      await redis.pexpire(keys.session(sessionId), Math.max(1, Math.min(idleTtlMs, remaining)));
      return toSession(stored);
    },

    checkCsrf(session: Session, presented: string | null | undefined) {
      if (typeof presented !== "string") return false;
      const a = Buffer.from(session.csrfToken, "utf8");
      const b = Buffer.from(presented, "utf8");
      return a.length === b.length && timingSafeEqual(a, b);
    },

    signIn(sessionId, expectedVersion, input) {
      const person = checkInput(sessionPersonSchema, input.person, "session person");
      return write(sessionId, expectedVersion, (current) => ({
        ...current,
        ...encryptTokens(sessionId, current.orgUid, input.tokens),
        person,
      }));
    },

    async readTokens(sessionId: string) {
      const stored = await read(sessionId);
      if (stored?.tokens === undefined) return null;
      const plain = box.decrypt(stored.tokens, binding(sessionId, stored.orgUid));
      return parseStored(sessionTokensSchema, plain, "session tokens");
    },

    saveTokens(sessionId, expectedVersion, tokens) {
      return write(sessionId, expectedVersion, (current) => ({
        ...current,
        ...encryptTokens(sessionId, current.orgUid, tokens),
      }));
    },

    updatePerson(sessionId, expectedVersion, person) {
      const checked = checkInput(sessionPersonSchema, person, "session person");
      return write(sessionId, expectedVersion, (current) => ({ ...current, person: checked }));
    },

    async destroy(sessionId: string) {
      if (!SESSION_ID.test(sessionId)) return false;
      return (await redis.del(keys.session(sessionId), keys.refreshLock(sessionId))) > 0;
    },

    async tryLockRefresh(sessionId: string, ttlMs: number) {
      if (!SESSION_ID.test(sessionId)) throw new InvalidInputError("session id", ["malformed"]);
      return (await redis.set(keys.refreshLock(sessionId), "1", "PX", ttlMs, "NX")) === "OK";
    },

    async unlockRefresh(sessionId: string) {
      if (!SESSION_ID.test(sessionId)) return;
      await redis.del(keys.refreshLock(sessionId));
    },
  } satisfies SessionsStore);
}
