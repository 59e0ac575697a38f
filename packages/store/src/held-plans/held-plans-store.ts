import { z } from "zod";

import { AUDIT_APPEND_LUA, type AuditLogStore } from "../audit-log/audit-log-store";
import { AlreadyExistsError } from "../errors/already-exists-error";
import { InvalidInputError } from "../errors/invalid-input-error";
import { NotFoundError } from "../errors/not-found-error";
import { PlanAlreadyDecidedError } from "../errors/plan-already-decided-error";
import { actorSchema, type Actor } from "../support/actor";
import { LuaScript } from "../support/lua-script";
import { checkInput, parseStored } from "../support/parse-record";
import { resolveStoreOptions, type StoreOptions } from "../support/store-options";
import {
  DEFAULT_HELD_PLAN_RETENTION,
  heldPlansPastRetention,
  type HeldPlanRetention,
} from "./held-plan-retention";

/** A plan the removal guard held until an Owner approves it. */
export interface HeldPlan {
  readonly planId: string;
  /** The plan as the sync made it (plain JSON; its shape is the sync's to check). */
  readonly plan: unknown;
  /** Removals the plan would make. */
  readonly removals: number;
  /** Share of the organization's Lytics users it would remove, 0..1. */
  readonly share: number;
  /** The share above which plans are held, 0..1. */
  readonly threshold: number;
  /** Epoch ms. */
  readonly createdAt: number;
  /** Set once, by the first approval. */
  readonly approval?: { readonly approver: Actor; readonly approvedAt: number } | undefined;
}

const heldSchema = z.strictObject({
  planId: z.string().min(1),
  plan: z.json(),
  removals: z.number().int().nonnegative(),
  share: z.number().min(0).max(1),
  threshold: z.number().min(0).max(1),
  createdAt: z.number().int(),
});
const approvalSchema = z.strictObject({ approver: actorSchema, approvedAt: z.number().int() });
const holdInputSchema = heldSchema.extend({ createdAt: z.number().int().optional() });

/** What `hold` takes. */
export type HoldInput = Omit<HeldPlan, "createdAt" | "approval"> & { createdAt?: number };

/** Options of {@link createHeldPlansStore}. */
export interface HeldPlansStoreOptions extends StoreOptions {
  /** When given, `approve` and `discard` append their audit entries atomically with the change. */
  readonly auditLog?: AuditLogStore;
  /**
   * How long `prune` keeps approved plans and plans a newer one replaced.
   * @defaultValue {@link DEFAULT_HELD_PLAN_RETENTION} (30 days)
   */
  readonly retention?: Partial<HeldPlanRetention>;
}

/** Held plans per organization; approval goes through here so the web app and the CLI agree. */
export interface HeldPlansStore {
  /** @throws {@link AlreadyExistsError} when the plan id is already held */
  hold(orgUid: string, input: HoldInput): Promise<HeldPlan>;
  get(orgUid: string, planId: string): Promise<HeldPlan | null>;
  /** Every held plan, oldest first. */
  list(orgUid: string): Promise<HeldPlan[]>;
  /**
   * Records the approval. Only the first counts.
   * @throws {@link PlanAlreadyDecidedError} when it was approved already
   * @throws {@link NotFoundError} when no such plan is held
   */
  approve(orgUid: string, planId: string, approver: Actor): Promise<HeldPlan>;
  /** Forgets the plan and its approval (applied, or superseded). Returns whether it was held. */
  discard(orgUid: string, planId: string, options?: { by?: Actor }): Promise<boolean>;
  /**
   * Discards (and audits, as `plan-discarded` by the retention) every plan approved, or replaced
   * by a newer held plan, longer ago than the retention; the newest plan still waiting for an
   * Owner is kept whatever its age. Returns the ids discarded.
   */
  prune(orgUid: string): Promise<string[]>;
}

/** Who discards plans past retention, in the audit log. */
export const HELD_PLAN_RETENTION_ACTOR: Actor = Object.freeze({
  type: "system",
  name: "held-plan-retention",
});

// KEYS: plans, approvals, audit. ARGV: plan id, approval json, entry json or '', max, min id.
const APPROVE = new LuaScript(
  "approve-held-plan",
  `${AUDIT_APPEND_LUA}
if redis.call('HEXISTS', KEYS[1], ARGV[1]) == 0 then return -1 end
if redis.call('HSETNX', KEYS[2], ARGV[1], ARGV[2]) == 0 then return 0 end
if ARGV[3] ~= '' then append_audit(KEYS[3], ARGV[3], ARGV[4], ARGV[5]) end
return 1`,
);

// KEYS: plans, approvals, audit. ARGV: plan id, entry json or '', max, min id.
const DISCARD = new LuaScript(
  "discard-held-plan",
  `${AUDIT_APPEND_LUA}
if redis.call('HDEL', KEYS[1], ARGV[1]) == 0 then return 0 end
redis.call('HDEL', KEYS[2], ARGV[1])
if ARGV[2] ~= '' then append_audit(KEYS[3], ARGV[2], ARGV[3], ARGV[4]) end
return 1`,
);

/** Creates the held-plans store. */
export function createHeldPlansStore(options: HeldPlansStoreOptions): HeldPlansStore {
  const { redis, clock, keys } = resolveStoreOptions(options);
  const retention: HeldPlanRetention = { ...DEFAULT_HELD_PLAN_RETENTION, ...options.retention };
  if (!Number.isFinite(retention.maxAgeMs) || retention.maxAgeMs < 0)
    throw new InvalidInputError("held plan retention", ["maxAgeMs must be a number of ms >= 0"]);

  function assemble(
    orgUid: string,
    planId: string,
    raw: string,
    rawApproval: string | null | undefined,
  ): HeldPlan {
    const held = parseStored(heldSchema, raw, `${keys.heldPlans(orgUid)} field ${planId}`);
    if (rawApproval == null) return held;
    const approval = parseStored(
      approvalSchema,
      rawApproval,
      `${keys.heldPlanApprovals(orgUid)} field ${planId}`,
    );
    return { ...held, approval };
  }

  async function get(orgUid: string, planId: string): Promise<HeldPlan | null> {
    const [raw, rawApproval] = await Promise.all([
      redis.hget(keys.heldPlans(orgUid), planId),
      redis.hget(keys.heldPlanApprovals(orgUid), planId),
    ]);
    return raw === null ? null : assemble(orgUid, planId, raw, rawApproval);
  }

  async function list(orgUid: string): Promise<HeldPlan[]> {
    const [plans, approvals] = await Promise.all([
      redis.hgetall(keys.heldPlans(orgUid)),
      redis.hgetall(keys.heldPlanApprovals(orgUid)),
    ]);
    return Object.entries(plans)
      .map(([planId, raw]) => assemble(orgUid, planId, raw, approvals[planId]))
      .sort((a, b) => a.createdAt - b.createdAt || a.planId.localeCompare(b.planId));
  }

  async function discard(orgUid: string, planId: string, by: Actor): Promise<boolean> {
    const removed = await DISCARD.run(
      redis,
      [keys.heldPlans(orgUid), keys.heldPlanApprovals(orgUid), keys.audit(orgUid)],
      [planId, ...auditArgs(orgUid, { kind: "plan-discarded", planId, actor: by })],
    );
    return Number(removed) === 1;
  }

  function auditArgs(
    orgUid: string,
    entry: Parameters<AuditLogStore["prepareAppend"]>[1],
  ): readonly (string | number)[] {
    return options.auditLog ? options.auditLog.prepareAppend(orgUid, entry).args : ["", 0, ""];
  }

  return {
    async hold(orgUid, input) {
      const checked = checkInput(holdInputSchema, input, "held plan");
      const held: HeldPlan = { ...checked, createdAt: checked.createdAt ?? clock.now() };
      const added = await redis.hsetnx(keys.heldPlans(orgUid), held.planId, JSON.stringify(held));
      if (added === 0) throw new AlreadyExistsError(`held plan ${held.planId}`);
      return held;
    },

    get,

    list,

    async approve(orgUid, planId, approver) {
      const checked = checkInput(actorSchema, approver, "approver");
      const now = clock.now();
      const outcome = Number(
        await APPROVE.run(
          redis,
          [keys.heldPlans(orgUid), keys.heldPlanApprovals(orgUid), keys.audit(orgUid)],
          [
            planId,
            JSON.stringify({ approver: checked, approvedAt: now }),
            ...auditArgs(orgUid, { kind: "plan-approved", planId, actor: checked, at: now }),
          ],
        ),
      );
      if (outcome === -1) throw new NotFoundError(`held plan ${planId}`);
      if (outcome === 0) throw new PlanAlreadyDecidedError(planId);
      const held = await get(orgUid, planId);
      if (!held) throw new NotFoundError(`held plan ${planId}`);
      return held;
    },

    async discard(orgUid, planId, discardOptions = {}) {
      return discard(orgUid, planId, discardOptions.by ?? { type: "system", name: "sync" });
    },

    async prune(orgUid) {
      // Most organizations hold no plan, or one still waiting, which is never past retention: two
      // HLENs, and the plans (a large organization's is megabytes) are read only when some could be.
      const [plans, approvals] = await Promise.all([
        redis.hlen(keys.heldPlans(orgUid)),
        redis.hlen(keys.heldPlanApprovals(orgUid)),
      ]);
      if (plans === 0 || (plans === 1 && approvals === 0)) return [];
      const expired = heldPlansPastRetention(await list(orgUid), clock.now(), retention);
      const discarded: string[] = [];
      for (const planId of expired)
        if (await discard(orgUid, planId, HELD_PLAN_RETENTION_ACTOR)) discarded.push(planId);
      return discarded;
    },
  };
}
