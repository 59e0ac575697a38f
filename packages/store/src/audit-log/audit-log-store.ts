import type { ChainableCommander } from "ioredis";
import { z } from "zod";

import { CorruptRecordError } from "../errors/corrupt-record-error";
import type { Key } from "../keys";
import { normaliseEmail } from "../support/person-key";
import { checkInput, parseStored } from "../support/parse-record";
import { resolveStoreOptions, type StoreOptions } from "../support/store-options";
import {
  auditEntrySchema,
  personOf,
  projectOf,
  type AuditEntry,
  type AuditEntryInput,
  type AuditEntryKind,
  type StoredAuditEntry,
} from "./audit-entry";
import { auditEntriesToCsv } from "./audit-csv";

/** How long each organization's audit stream is kept. */
export interface AuditRetention {
  /** Entries kept at most (trimmed approximately, `MAXLEN ~`, which is cheap for Redis). */
  readonly maxEntries: number;
  /** Entries older than this are trimmed (`MINID ~`); `null` keeps them until `maxEntries`. */
  readonly maxAgeMs: number | null;
}

/** 100,000 entries and a little over a year. */
export const DEFAULT_AUDIT_RETENTION: AuditRetention = Object.freeze({
  maxEntries: 100_000,
  maxAgeMs: 400 * 24 * 60 * 60_000,
});

/** Options of {@link createAuditLogStore}. */
export interface AuditLogStoreOptions extends StoreOptions {
  /** @defaultValue {@link DEFAULT_AUDIT_RETENTION} */
  readonly retention?: Partial<AuditRetention>;
}

/** What to read; every filter is optional and they combine with AND. */
export interface AuditQuery {
  /** Entries about this person (email compared case-insensitively, or Contentstack uid). */
  readonly person?: { readonly email?: string; readonly uid?: string };
  readonly projectUid?: string;
  readonly kinds?: readonly AuditEntryKind[];
  /** Epoch ms, inclusive. */
  readonly from?: number;
  /** Epoch ms, inclusive. */
  readonly to?: number;
  /** @defaultValue 50 */
  readonly limit?: number;
  /** `nextCursor` of the previous page. */
  readonly cursor?: string;
  /**
   * Entries examined per call at most, so a narrow filter over a long stream answers quickly
   * with a short page and a cursor rather than reading everything.
   * @defaultValue 5000
   */
  readonly scanLimit?: number;
}

/** One page, newest first; `nextCursor` is `null` at the end of the stream. */
export interface AuditPage {
  readonly entries: StoredAuditEntry[];
  readonly nextCursor: string | null;
}

/** The audit log: a Redis stream per organization. */
export interface AuditLogStore {
  /**
   * Appends an entry and trims by the retention setting.
   * @returns the entry's stream id
   * @throws {@link InvalidInputError} when the entry does not match its kind's schema
   */
  append(orgUid: string, entry: AuditEntryInput): Promise<string>;
  /**
   * Checks an entry and returns what a Lua script needs to append it in the same atomic step as
   * another write of the organization (an idempotency marker), so both happen or neither does.
   * See {@link AUDIT_APPEND_LUA}.
   */
  prepareAppend(orgUid: string, entry: AuditEntryInput): PreparedAuditAppend;
  /**
   * Reads newest first with filters and cursor paging.
   * @throws {@link CorruptRecordError} on an entry that matches no schema
   */
  read(orgUid: string, query?: AuditQuery): Promise<AuditPage>;
  /** The whole filtered log as CSV (RFC 4180, formula-injection safe), newest first. */
  exportCsv(
    orgUid: string,
    query?: Omit<AuditQuery, "limit" | "cursor" | "scanLimit">,
  ): Promise<string>;
}

const FIELD = "e";

/** An audit append, ready for {@link AUDIT_APPEND_LUA}: the stream key and four ARGV values. */
export interface PreparedAuditAppend {
  readonly key: Key;
  /** entry JSON, max entries, min id (`""` for none), in this order. */
  readonly args: readonly [string, number, string];
}

/**
 * A Lua fragment that appends a prepared entry: `append_audit(key, json, maxEntries, minId)`.
 * Scripts that include it write the entry atomically with their own change.
 */
export const AUDIT_APPEND_LUA = `local function append_audit(key, json, maxlen, minid)
  local id = redis.call('XADD', key, 'MAXLEN', '~', maxlen, '*', '${FIELD}', json)
  if minid ~= '' then redis.call('XTRIM', key, 'MINID', '~', minid) end
  return id
end
`;
const queryLimit = z.number().int().min(1).max(1000);

/** Creates the audit-log store. */
export function createAuditLogStore(options: AuditLogStoreOptions): AuditLogStore {
  const { redis, clock, keys } = resolveStoreOptions(options);
  const retention = { ...DEFAULT_AUDIT_RETENTION, ...options.retention };

  function prepare(entry: AuditEntryInput): AuditEntry {
    return checkInput(auditEntrySchema, { ...entry, at: entry.at ?? clock.now() }, "audit entry");
  }

  function queue(multi: ChainableCommander, orgUid: string, entry: AuditEntry): void {
    const key = keys.audit(orgUid);
    multi.xadd(key, "MAXLEN", "~", retention.maxEntries, "*", FIELD, JSON.stringify(entry));
    // XADD takes one trim strategy, so the age limit is a second, equally approximate trim.
    // Stream ids carry Redis server time; the store clock and the server agree closely enough
    // for a limit measured in days.
    if (retention.maxAgeMs !== null)
      multi.xtrim(key, "MINID", "~", Math.max(0, clock.now() - retention.maxAgeMs));
  }

  function matches(entry: AuditEntry, query: AuditQuery): boolean {
    if (query.kinds && !query.kinds.includes(entry.kind)) return false;
    if (query.from !== undefined && entry.at < query.from) return false;
    if (query.to !== undefined && entry.at > query.to) return false;
    if (query.projectUid !== undefined && projectOf(entry) !== query.projectUid) return false;
    if (query.person) {
      const about = personOf(entry);
      if (!about) return false;
      if (
        query.person.email !== undefined &&
        (about.email === undefined ||
          normaliseEmail(about.email) !== normaliseEmail(query.person.email))
      )
        return false;
      if (query.person.uid !== undefined && about.uid !== query.person.uid) return false;
    }
    return true;
  }

  async function read(orgUid: string, query: AuditQuery = {}): Promise<AuditPage> {
    const key = keys.audit(orgUid);
    const limit = queryLimit.parse(query.limit ?? 50);
    const scanLimit = query.scanLimit ?? 5000;
    const batch = Math.max(limit, 200);
    const entries: StoredAuditEntry[] = [];
    let start = query.cursor ? `(${query.cursor}` : "+";
    let scanned = 0;
    for (;;) {
      const rows = await redis.xrevrange(key, start, "-", "COUNT", batch);
      for (const [id, fields] of rows) {
        scanned += 1;
        const raw = fields[fields.indexOf(FIELD) + 1];
        if (fields.indexOf(FIELD) === -1 || raw === undefined)
          throw new CorruptRecordError(`${key} entry ${id}`, [`no "${FIELD}" field`]);
        const entry = parseStored(auditEntrySchema, raw, `${key} entry ${id}`);
        if (matches(entry, query)) entries.push({ ...entry, id });
        if (entries.length === limit || scanned >= scanLimit) {
          // The last row of a short batch is the oldest entry: nothing lies beyond it.
          const exhausted = rows.length < batch && rows.at(-1)?.[0] === id;
          return { entries, nextCursor: exhausted ? null : id };
        }
      }
      const last = rows.at(-1);
      if (rows.length < batch || !last) return { entries, nextCursor: null };
      start = `(${last[0]}`;
    }
  }

  return {
    async append(orgUid, entry) {
      const multi = redis.multi();
      queue(multi, orgUid, prepare(entry));
      const results = await multi.exec();
      const [error, id] = results?.[0] ?? [new Error("transaction aborted"), null];
      if (error) throw error;
      return String(id);
    },

    prepareAppend(orgUid, entry) {
      const checked = prepare(entry);
      return {
        key: keys.audit(orgUid),
        args: [
          JSON.stringify(checked),
          retention.maxEntries,
          retention.maxAgeMs === null ? "" : String(Math.max(0, clock.now() - retention.maxAgeMs)),
        ],
      };
    },

    read,

    async exportCsv(orgUid, query = {}) {
      const all: StoredAuditEntry[] = [];
      let cursor: string | null = null;
      do {
        const page: AuditPage = await read(orgUid, {
          ...query,
          limit: 1000,
          scanLimit: 10_000,
          ...(cursor ? { cursor } : {}),
        });
        all.push(...page.entries);
        cursor = page.nextCursor;
      } while (cursor);
      return auditEntriesToCsv(all);
    },
  };
}
