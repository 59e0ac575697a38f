import { randomBytes } from "node:crypto";

import { z } from "zod";

import { CorruptRecordError } from "../errors/corrupt-record-error";
import { StaleWriteError } from "../errors/stale-write-error";
import { LuaScript } from "../support/lua-script";
import { checkInput, parseStored } from "../support/parse-record";
import { resolveStoreOptions, type StoreOptions } from "../support/store-options";
import { matchDirectory, type DirectoryMatch, type DirectoryQuery } from "./member-directory-query";
import {
  DIRECTORY_ORG_ROLES,
  DIRECTORY_SYNC_STATUSES,
  directoryMetaSchema,
  directoryRowSchema,
  indexEntryOf,
  type DirectoryIndexEntry,
  type DirectoryMeta,
  type DirectoryRow,
} from "./member-directory-row";

/**
 * The member directory: a per-organization snapshot of every member with their roles and sync
 * status, written by the worker from what each reconcile reads anyway, so the Members page never
 * lists 10,000 people from Contentstack (10 reads/s) on a page view.
 *
 * Layout (one organization's slot): `rows` is a hash person key -> full row (read 50 at a time by
 * HMGET); `index` is one JSON array of compact entries in display order, which a query filters;
 * `meta` holds the version, readAt and the projects. Readers keep the parsed index per version,
 * so a page request costs one small GET (meta), the filter, and one HMGET.
 */
export interface MemberDirectoryStore {
  /**
   * Replaces the whole snapshot (a full reconcile read everyone). The rows may be produced as they
   * are read (a generator), so a writer never holds 100,000 of them at once.
   */
  replace(
    orgUid: string,
    snapshot: {
      readonly rows: Iterable<DirectoryRow>;
      readonly readAt: number;
      readonly runId: string;
      readonly policyVersion: number;
      readonly projects: DirectoryMeta["projects"];
    },
  ): Promise<DirectoryMeta>;
  /**
   * Updates some people (a targeted sync) and drops those `removed` (keys or emails of people no
   * longer in the organization). Does nothing and returns null before the first full snapshot: a directory of
   * a few people would pass for the whole organization.
   */
  upsert(
    orgUid: string,
    update: {
      readonly rows: readonly DirectoryRow[];
      readonly removed?: readonly string[];
      readonly runId: string;
    },
  ): Promise<DirectoryMeta | null>;
  /** The snapshot's meta, or null when no reconcile wrote one yet. */
  meta(orgUid: string): Promise<DirectoryMeta | null>;
  /** One page of rows matching the filters, or null when there is no snapshot yet. */
  query(
    orgUid: string,
    query: DirectoryQuery,
  ): Promise<(DirectoryMatch & { meta: DirectoryMeta; rows: DirectoryRow[] }) | null>;
  /** One person's row. */
  row(orgUid: string, key: string): Promise<DirectoryRow | null>;
  /** Removes the snapshot (organization disconnected; tests). */
  clear(orgUid: string): Promise<void>;
}

// KEYS: rows, index, meta. ARGV: expected version, mode (replace|upsert), index json, meta json,
// removed keys json, then field/value pairs. Returns 1, or 0 when the version moved (retry).
const WRITE = new LuaScript(
  "member-directory-write",
  `local cur = redis.call('GET', KEYS[3])
local v = 0
if cur then v = cjson.decode(cur).version end
if tonumber(ARGV[1]) ~= v then return 0 end
if ARGV[2] == 'replace' then redis.call('DEL', KEYS[1]) end
for _, key in ipairs(cjson.decode(ARGV[5])) do redis.call('HDEL', KEYS[1], key) end
for i = 6, #ARGV, 2000 do redis.call('HSET', KEYS[1], unpack(ARGV, i, math.min(i + 1999, #ARGV))) end
redis.call('SET', KEYS[2], ARGV[3])
redis.call('SET', KEYS[3], ARGV[4])
return 1`,
);

// KEYS: rows, index, meta, staging. ARGV: expected version, index json, meta json. The rows were
// written into staging a chunk at a time; they become the snapshot with its index and meta at
// once. Returns 1, or 0 when the version moved (staging is kept for the retry).
const SWAP_IN = new LuaScript(
  "member-directory-swap-in",
  `local cur = redis.call('GET', KEYS[3])
local v = 0
if cur then v = cjson.decode(cur).version end
if tonumber(ARGV[1]) ~= v then return 0 end
if redis.call('EXISTS', KEYS[4]) == 1 then
  redis.call('RENAME', KEYS[4], KEYS[1])
  redis.call('PERSIST', KEYS[1])
else
  redis.call('DEL', KEYS[1])
end
redis.call('SET', KEYS[2], ARGV[2])
redis.call('SET', KEYS[3], ARGV[3])
return 1`,
);

/**
 * Rows per chunk of a full snapshot: each is checked, named, turned into JSON and written, then
 * dropped, so a 100,000-person organization never holds every row's JSON (and one command
 * carrying all of it) at once.
 */
const CHUNK_ROWS = 250;
/** A staging hash left by a process that died mid-write expires on its own. */
const STAGING_TTL_MS = 15 * 60_000;

type StoredEntry = [string, string, string, string, string, string[], string];

const ORG_ROLES = new Set<string>(DIRECTORY_ORG_ROLES);
const STATUSES = new Set<string>(DIRECTORY_SYNC_STATUSES);

const toStored = (e: DirectoryIndexEntry): StoredEntry => [e.k, e.e, e.n, e.r, e.l, [...e.p], e.s];

/**
 * The stored index back into entries. A loop of plain checks rather than a schema: this runs on
 * 10,000 entries at a replica's first request after each write, and is what the page waits for.
 */
function fromStored(value: unknown, location: string): DirectoryIndexEntry[] {
  if (!Array.isArray(value)) throw new CorruptRecordError(location, ["(record): not an array"]);
  return value.map((item: unknown, i) => {
    const t = item as StoredEntry;
    if (
      !Array.isArray(t) ||
      t.length !== 7 ||
      typeof t[0] !== "string" ||
      typeof t[1] !== "string" ||
      typeof t[2] !== "string" ||
      !ORG_ROLES.has(t[3]) ||
      typeof t[4] !== "string" ||
      !Array.isArray(t[5]) ||
      !STATUSES.has(t[6])
    )
      throw new CorruptRecordError(location, [`${i}: not an index entry`]);
    return {
      k: t[0],
      e: t[1],
      n: t[2],
      r: t[3] as DirectoryIndexEntry["r"],
      l: t[4],
      p: t[5],
      s: t[6] as DirectoryIndexEntry["s"],
    };
  });
}

/** Display order: name (or email), then email, then key; each key built once, not per comparison. */
function inDisplayOrder(entries: readonly DirectoryIndexEntry[]): DirectoryIndexEntry[] {
  return entries
    .map((e) => [`${e.n}\u0000${e.e}\u0000${e.k}`, e] as const)
    .sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0))
    .map(([, e]) => e);
}

const rowsSchema = z.array(directoryRowSchema);
const MAX_ATTEMPTS = 5;

export function createMemberDirectoryStore(options: StoreOptions): MemberDirectoryStore {
  const { redis, keys, clock } = resolveStoreOptions(options);
  const keysOf = (orgUid: string) =>
    [
      keys.memberDirectory(orgUid, "rows"),
      keys.memberDirectory(orgUid, "index"),
      keys.memberDirectory(orgUid, "meta"),
    ] as const;
  // Parsed indexes by organization, valid for one version (per store, so per process).
  const cached = new Map<string, { version: number; index: DirectoryIndexEntry[] }>();

  async function readMeta(orgUid: string): Promise<DirectoryMeta | null> {
    const key = keys.memberDirectory(orgUid, "meta");
    const raw = await redis.get(key);
    return raw === null ? null : parseStored(directoryMetaSchema, raw, key);
  }

  async function readIndex(orgUid: string, meta: DirectoryMeta): Promise<DirectoryIndexEntry[]> {
    const hit = cached.get(orgUid);
    if (hit && hit.version === meta.version) return hit.index;
    const key = keys.memberDirectory(orgUid, "index");
    const raw = await redis.get(key);
    let index: DirectoryIndexEntry[] = [];
    if (raw !== null) {
      let json: unknown;
      try {
        json = JSON.parse(raw);
      } catch {
        throw new CorruptRecordError(key, ["not valid JSON"]);
      }
      index = fromStored(json, key);
    }
    // The meta may have moved between the two reads; the next request then reads again.
    cached.set(orgUid, { version: meta.version, index });
    return index;
  }

  /**
   * Remembers every name a row carries and gives a row without one the last name seen for that
   * person: the member listing has no names, and someone off every project is listed by nobody.
   */
  async function withKnownNames(
    orgUid: string,
    rows: readonly DirectoryRow[],
  ): Promise<DirectoryRow[]> {
    const key = keys.memberDirectory(orgUid, "names");
    const named = rows.filter((r) => r.name !== null);
    if (named.length > 0)
      await redis.hset(key, Object.fromEntries(named.map((r) => [r.key, r.name ?? ""])));
    const unnamed = rows.filter((r) => r.name === null);
    if (unnamed.length === 0) return [...rows];
    // The keys as one array argument: spread, 100,000 of them overflow the stack.
    const found = (await redis.call("HMGET", [key, ...unnamed.map((r) => r.key)])) as (
      string | null
    )[];
    const known = new Map(unnamed.map((r, i) => [r.key, found[i] ?? null]));
    return rows.map((r) => (r.name === null ? { ...r, name: known.get(r.key) ?? null } : r));
  }

  async function write(
    orgUid: string,
    mode: "replace" | "upsert",
    expected: number,
    index: DirectoryIndexEntry[],
    meta: DirectoryMeta,
    rows: readonly DirectoryRow[],
    removed: readonly string[],
  ): Promise<boolean> {
    const pairs: string[] = [];
    for (const row of rows) pairs.push(row.key, JSON.stringify(row));
    const done = await WRITE.run(redis, keysOf(orgUid), [
      expected,
      mode,
      JSON.stringify(index.map(toStored)),
      JSON.stringify(meta),
      JSON.stringify(removed),
      ...pairs,
    ]);
    if (Number(done) !== 1) return false;
    cached.set(orgUid, { version: meta.version, index });
    return true;
  }

  return {
    async replace(orgUid, snapshot) {
      // Checked, named and written a chunk at a time into a staging hash; bad input in any chunk
      // throws before the swap, so the snapshot is untouched (and the staging hash deleted).
      if (
        snapshot.rows === null ||
        typeof snapshot.rows !== "object" ||
        !(Symbol.iterator in snapshot.rows)
      )
        checkInput(rowsSchema, snapshot.rows, "member directory rows");
      const staging = keys.memberDirectoryStaging(orgUid, randomBytes(8).toString("hex"));
      const entries: DirectoryIndexEntry[] = [];
      const writeChunk = async (chunk: readonly DirectoryRow[]) => {
        const rows = await withKnownNames(
          orgUid,
          checkInput(rowsSchema, chunk, "member directory rows"),
        );
        const fields: string[] = [];
        for (const row of rows) {
          entries.push(indexEntryOf(row));
          fields.push(row.key, JSON.stringify(row));
        }
        if (fields.length > 0)
          await redis.multi().hset(staging, fields).pexpire(staging, STAGING_TTL_MS).exec();
      };
      try {
        let chunk: DirectoryRow[] = [];
        for (const row of snapshot.rows) {
          chunk.push(row);
          if (chunk.length < CHUNK_ROWS) continue;
          await writeChunk(chunk);
          chunk = [];
        }
        await writeChunk(chunk);
        const index = inDisplayOrder(entries);
        const indexJson = JSON.stringify(index.map(toStored));
        for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt += 1) {
          const current = await readMeta(orgUid);
          const version = current?.version ?? 0;
          const meta: DirectoryMeta = {
            version: version + 1,
            readAt: snapshot.readAt,
            updatedAt: clock.now(),
            runId: snapshot.runId,
            policyVersion: snapshot.policyVersion,
            total: index.length,
            projects: [...snapshot.projects],
          };
          const done = await SWAP_IN.run(
            redis,
            [...keysOf(orgUid), staging],
            [version, indexJson, JSON.stringify(meta)],
          );
          if (Number(done) === 1) {
            cached.set(orgUid, { version: meta.version, index });
            return meta;
          }
        }
      } finally {
        await redis.del(staging).catch(() => undefined);
      }
      throw new StaleWriteError(`member directory of ${orgUid}`, -1, -1);
    },

    async upsert(orgUid, update) {
      const rows = await withKnownNames(
        orgUid,
        checkInput(rowsSchema, update.rows, "member directory rows"),
      );
      const rewritten = new Set(rows.map((r) => r.key));
      const removed = new Set(update.removed ?? []);
      for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt += 1) {
        const current = await readMeta(orgUid);
        if (!current) return null;
        cached.delete(orgUid);
        const before = await readIndex(orgUid, current);
        const gone = before
          .filter((e) => (removed.has(e.k) || removed.has(e.e)) && !rewritten.has(e.k))
          .map((e) => e.k);
        const dropped = new Set([...gone, ...rewritten]);
        const index = inDisplayOrder(
          before.filter((entry) => !dropped.has(entry.k)).concat(rows.map(indexEntryOf)),
        );
        const meta: DirectoryMeta = {
          ...current,
          version: current.version + 1,
          updatedAt: clock.now(),
          runId: update.runId,
          total: index.length,
        };
        if (await write(orgUid, "upsert", current.version, index, meta, rows, gone)) return meta;
      }
      throw new StaleWriteError(`member directory of ${orgUid}`, -1, -1);
    },

    meta: readMeta,

    async query(orgUid, query) {
      const meta = await readMeta(orgUid);
      if (!meta) return null;
      const match = matchDirectory(await readIndex(orgUid, meta), query);
      const key = keys.memberDirectory(orgUid, "rows");
      const raws = match.keys.length > 0 ? await redis.hmget(key, ...match.keys) : [];
      const rows = raws.flatMap((raw) =>
        raw === null ? [] : [parseStored(directoryRowSchema, raw, key)],
      );
      return { ...match, meta, rows };
    },

    async row(orgUid, personKey) {
      const key = keys.memberDirectory(orgUid, "rows");
      const raw = await redis.hget(key, personKey);
      return raw === null ? null : parseStored(directoryRowSchema, raw, key);
    },

    async clear(orgUid) {
      cached.delete(orgUid);
      await redis.del(...keysOf(orgUid), keys.memberDirectory(orgUid, "names"));
    },
  };
}
