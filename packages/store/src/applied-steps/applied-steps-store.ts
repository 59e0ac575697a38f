import { randomUUID } from "node:crypto";

import { z } from "zod";

import type { AuditEntryInput } from "../audit-log/audit-entry";
import { AUDIT_APPEND_LUA, type AuditLogStore } from "../audit-log/audit-log-store";
import { LuaScript } from "../support/lua-script";
import { parseStored } from "../support/parse-record";
import { resolveStoreOptions, type StoreOptions } from "../support/store-options";

/** How long step markers live. */
export interface StepTimings {
  /**
   * How long a claim lasts. A worker killed mid-step loses its claim after this, and the next
   * run may take the step over and finish it.
   */
  readonly leaseMs: number;
  /** How long a done marker is kept: far longer than any retry of the same plan. */
  readonly doneTtlMs: number;
}

/** A 2-minute lease; done markers kept 7 days. */
export const DEFAULT_STEP_TIMINGS: StepTimings = Object.freeze({
  leaseMs: 2 * 60_000,
  doneTtlMs: 7 * 24 * 60 * 60_000,
});

/** The answer to a claim. */
export type StepClaim =
  | { readonly status: "claimed"; readonly token: string }
  /** Applied (and audited) already: skip it. */
  | { readonly status: "done" }
  /** Another worker holds a live claim: leave it to them. */
  | { readonly status: "busy" };

/** Options of {@link createAppliedStepsStore}. */
export interface AppliedStepsStoreOptions extends StoreOptions {
  /** Needed to audit a step in the same atomic write as its done marker. */
  readonly auditLog?: AuditLogStore;
  /** @defaultValue {@link DEFAULT_STEP_TIMINGS} */
  readonly timings?: Partial<StepTimings>;
}

/** A claimed step's content, kept until it is done or released. */
export interface UnfinishedStep {
  readonly planId: string;
  readonly stepId: string;
  /** What {@link AppliedStepsStore.remember} was given (the sync's step). */
  readonly content: unknown;
  /** Epoch ms of the claim. */
  readonly at: number;
}

/** The roles the sync last established for a person on a project (drift detection). */
export interface SyncedRoles {
  readonly projectUid: string;
  /** The sync's person key: Contentstack uid, or the email when there is none. */
  readonly person: string;
  readonly roles: readonly string[];
}

/** What {@link AppliedStepsStore.markDone} writes with the done marker, in the same script. */
export interface MarkDoneOptions {
  /** The change's audit entry: written exactly once whoever finishes the step. */
  readonly audit?: AuditEntryInput;
  /** More entries about the same change (a `drift-found` beside its `change-applied`). */
  readonly alsoAudit?: readonly AuditEntryInput[];
  /** The roles the step established; `roles: null` when it took the person off the project. */
  readonly synced?: {
    readonly projectUid: string;
    readonly person: string;
    readonly roles: readonly string[] | null;
  };
}

/**
 * Idempotency markers: after a crash, no change is applied or audited twice. The sync claims a
 * step before its API call and marks it done (with its audit entry, atomically) after. A claimed
 * step's content is kept ({@link AppliedStepsStore.remember}) until it is done or released, so the
 * run after a crash can see which writes may have landed unaudited and finish them.
 */
export interface AppliedStepsStore {
  claim(
    orgUid: string,
    planId: string,
    stepId: string,
    options?: { leaseMs?: number },
  ): Promise<StepClaim>;
  /**
   * Marks the step done and, when `audit` is given, appends that entry in the same atomic step.
   * Returns `false` (and writes no entry) when the step was already done: the audit entry is
   * written exactly once whoever finishes the step.
   */
  markDone(
    orgUid: string,
    planId: string,
    stepId: string,
    options?: MarkDoneOptions,
  ): Promise<boolean>;
  isDone(orgUid: string, planId: string, stepId: string): Promise<boolean>;
  /** Keeps a claimed step's content until {@link markDone} or {@link release} (same script as done). */
  remember(orgUid: string, planId: string, stepId: string, content: unknown): Promise<void>;
  /** Steps remembered and neither done nor released, oldest claim first. */
  unfinished(orgUid: string): Promise<UnfinishedStep[]>;
  /** Forgets a remembered step whose write never landed and that no plan needs any more. */
  release(orgUid: string, planId: string, stepId: string): Promise<void>;
  /** Every (project, person) roles record that done steps (or {@link recordSynced}) left. */
  lastSynced(orgUid: string): Promise<SyncedRoles[]>;
  /**
   * Records roles a run found already as desired (no step needed), so hand changes to them are
   * recognised as drift later. Overwrites older records of the same pairs.
   */
  recordSynced(orgUid: string, records: readonly SyncedRoles[]): Promise<void>;
}

// KEYS: step. ARGV: token, lease ms.
const CLAIM = new LuaScript(
  "claim-step",
  `local state = redis.call('GET', KEYS[1])
if state == 'done' then return 'done' end
if state then return 'busy' end
redis.call('SET', KEYS[1], 'claimed:' .. ARGV[1], 'PX', ARGV[2])
return 'claimed'`,
);

// KEYS: step, audit stream, unfinished hash, synced-roles hash. ARGV: done ttl ms, entry json or
// '', max entries, min id, unfinished field, synced field or '', synced roles json or '' (forget),
// then any further entry jsons.
// A claim that lapsed or was taken over does not matter here: the API calls are idempotent, and
// what must happen once (the marker, the entries, the roles record) is decided by this one script.
const MARK_DONE = new LuaScript(
  "mark-step-done-v2",
  `${AUDIT_APPEND_LUA}
redis.call('HDEL', KEYS[3], ARGV[5])
if redis.call('GET', KEYS[1]) == 'done' then return 0 end
redis.call('SET', KEYS[1], 'done', 'PX', ARGV[1])
if ARGV[6] ~= '' then
  if ARGV[7] == '' then redis.call('HDEL', KEYS[4], ARGV[6]) else redis.call('HSET', KEYS[4], ARGV[6], ARGV[7]) end
end
if ARGV[2] ~= '' then append_audit(KEYS[2], ARGV[2], ARGV[3], ARGV[4]) end
for i = 8, #ARGV do append_audit(KEYS[2], ARGV[i], ARGV[3], ARGV[4]) end
return 1`,
);

const unfinishedSchema = z.strictObject({ content: z.unknown(), at: z.number() });
const syncedSchema = z.array(z.string());
const stepField = (planId: string, stepId: string) => `${planId}:${stepId}`;
const syncedField = (projectUid: string, person: string) => `${projectUid}\n${person}`;

/** Creates the applied-steps store. */
export function createAppliedStepsStore(options: AppliedStepsStoreOptions): AppliedStepsStore {
  const { redis, keys, clock } = resolveStoreOptions(options);
  const timings = { ...DEFAULT_STEP_TIMINGS, ...options.timings };

  return {
    async claim(orgUid, planId, stepId, claimOptions = {}) {
      const token = randomUUID();
      const status = String(
        await CLAIM.run(
          redis,
          [keys.step(orgUid, planId, stepId)],
          [token, claimOptions.leaseMs ?? timings.leaseMs],
        ),
      );
      if (status === "claimed") return { status, token };
      return status === "done" ? { status: "done" } : { status: "busy" };
    },

    async markDone(orgUid, planId, stepId, doneOptions = {}) {
      const entries = [
        ...(doneOptions.audit ? [doneOptions.audit] : []),
        ...(doneOptions.alsoAudit ?? []),
      ];
      if (entries.length > 0 && !options.auditLog)
        throw new TypeError("markDone with an audit entry needs the store's auditLog option");
      const prepared = entries.map((entry) => options.auditLog?.prepareAppend(orgUid, entry));
      const first = prepared[0];
      const [json, maxEntries, minId] = first ? first.args : ["", 0, ""];
      const synced = doneOptions.synced;
      const recorded = await MARK_DONE.run(
        redis,
        [
          keys.step(orgUid, planId, stepId),
          keys.audit(orgUid),
          keys.unfinishedSteps(orgUid),
          keys.syncedRoles(orgUid),
        ],
        [
          timings.doneTtlMs,
          json,
          maxEntries,
          minId,
          stepField(planId, stepId),
          synced ? syncedField(synced.projectUid, synced.person) : "",
          synced?.roles ? JSON.stringify([...synced.roles].sort()) : "",
          ...prepared.slice(1).map((entry) => entry?.args[0] ?? ""),
        ],
      );
      return Number(recorded) === 1;
    },

    async remember(orgUid, planId, stepId, content) {
      // Checked like every key part, so the field splits back into plan and step.
      keys.step(orgUid, planId, stepId);
      await redis.hset(
        keys.unfinishedSteps(orgUid),
        stepField(planId, stepId),
        JSON.stringify({ content, at: clock.now() }),
      );
    },

    async unfinished(orgUid) {
      const key = keys.unfinishedSteps(orgUid);
      const all = await redis.hgetall(key);
      return Object.entries(all)
        .map(([field, raw]) => {
          const [planId = "", stepId = ""] = field.split(":");
          const record = parseStored(unfinishedSchema, raw, key);
          return { planId, stepId, content: record.content, at: record.at };
        })
        .sort((a, b) => a.at - b.at);
    },

    async release(orgUid, planId, stepId) {
      await redis.hdel(keys.unfinishedSteps(orgUid), stepField(planId, stepId));
    },

    async recordSynced(orgUid, records) {
      const key = keys.syncedRoles(orgUid);
      for (let i = 0; i < records.length; i += 500) {
        const fields: string[] = [];
        for (const record of records.slice(i, i + 500))
          fields.push(
            syncedField(record.projectUid, record.person),
            JSON.stringify([...record.roles].sort()),
          );
        if (fields.length > 0) await redis.hset(key, ...fields);
      }
    },

    async lastSynced(orgUid) {
      const key = keys.syncedRoles(orgUid);
      return Object.entries(await redis.hgetall(key)).map(([field, raw]) => {
        const cut = field.indexOf("\n");
        return {
          projectUid: field.slice(0, cut),
          person: field.slice(cut + 1),
          roles: parseStored(syncedSchema, raw, key),
        };
      });
    },

    async isDone(orgUid, planId, stepId) {
      return (await redis.get(keys.step(orgUid, planId, stepId))) === "done";
    },
  };
}
