import { randomUUID } from "node:crypto";

import type { AuditEntryInput } from "../audit-log/audit-entry";
import { AUDIT_APPEND_LUA, type AuditLogStore } from "../audit-log/audit-log-store";
import type { Key } from "../keys";
import { LuaScript } from "../support/lua-script";
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

/**
 * Idempotency markers: after a crash, no change is applied or audited twice. The sync claims a
 * step before its API call and marks it done (with its audit entry, atomically) after.
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
    options?: { audit?: AuditEntryInput },
  ): Promise<boolean>;
  isDone(orgUid: string, planId: string, stepId: string): Promise<boolean>;
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

// KEYS: step, audit stream. ARGV: done ttl ms, entry json or '', max entries, min id.
// A claim that lapsed or was taken over does not matter here: the API calls are idempotent, and
// what must happen once (the marker and the entry) is decided by this one script.
const MARK_DONE = new LuaScript(
  "mark-step-done",
  `${AUDIT_APPEND_LUA}
if redis.call('GET', KEYS[1]) == 'done' then return 0 end
redis.call('SET', KEYS[1], 'done', 'PX', ARGV[1])
if ARGV[2] ~= '' then append_audit(KEYS[2], ARGV[2], ARGV[3], ARGV[4]) end
return 1`,
);

/** Creates the applied-steps store. */
export function createAppliedStepsStore(options: AppliedStepsStoreOptions): AppliedStepsStore {
  const { redis, keys } = resolveStoreOptions(options);
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
      let audit: { key: Key; args: readonly (string | number)[] } = {
        key: keys.audit(orgUid),
        args: ["", 0, ""],
      };
      if (doneOptions.audit) {
        if (!options.auditLog)
          throw new TypeError("markDone with an audit entry needs the store's auditLog option");
        audit = options.auditLog.prepareAppend(orgUid, doneOptions.audit);
      }
      const recorded = await MARK_DONE.run(
        redis,
        [keys.step(orgUid, planId, stepId), audit.key],
        [timings.doneTtlMs, ...audit.args],
      );
      return Number(recorded) === 1;
    },

    async isDone(orgUid, planId, stepId) {
      return (await redis.get(keys.step(orgUid, planId, stepId))) === "done";
    },
  };
}
