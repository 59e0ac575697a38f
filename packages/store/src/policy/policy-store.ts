import {
  DEFAULT_MAPPING_POLICY,
  InvalidPolicyError,
  parseMappingPolicy,
  type MappingPolicy,
  type ParsePolicyOptions,
} from "@lytics-access/permissions";
import { z } from "zod";

import { StaleWriteError } from "../errors/stale-write-error";
import { actorSchema, type Actor } from "../support/actor";
import { LuaScript } from "../support/lua-script";
import { checkInput, parseStored } from "../support/parse-record";
import { resolveStoreOptions, type StoreOptions } from "../support/store-options";

/** How many past versions each organization keeps. Policy edits are rare; 500 is years of them. */
export const POLICY_HISTORY_LIMIT = 500;

/** One saved version: who, when, and the whole policy (so any two versions can be compared). */
export interface PolicyHistoryEntry {
  readonly version: number;
  readonly changedBy: Actor;
  /** Epoch ms. */
  readonly changedAt: number;
  readonly note?: string | undefined;
  readonly policy: MappingPolicy;
}

/** Options of {@link createPolicyStore}. */
export interface PolicyStoreOptions extends StoreOptions {
  /**
   * The policy an organization has before anyone edits it.
   * @defaultValue `DEFAULT_MAPPING_POLICY` of packages/permissions
   */
  readonly defaultPolicy?: MappingPolicy;
}

/** The per-organization mapping policy, versioned, with its history. */
export interface PolicyStore {
  /** The saved policy, or `null` when the organization never edited it. */
  get(orgUid: string): Promise<MappingPolicy | null>;
  /** The saved policy, or the default one: what the sync enforces. */
  getEffective(orgUid: string): Promise<MappingPolicy>;
  /**
   * Saves an edit if the effective policy is still at `expectedVersion` (the default policy's
   * version when nothing was saved yet). Version, time and author are set here.
   * @throws {@link InvalidPolicyError} naming each bad field (packages/permissions)
   * @throws {@link StaleWriteError} when someone saved first
   */
  save(
    orgUid: string,
    policy: Pick<MappingPolicy, "levels" | "memberGrantableLevels"> & { note?: string | undefined },
    options: { expectedVersion: number; changedBy: Actor } & ParsePolicyOptions,
  ): Promise<MappingPolicy>;
  /** Past versions, newest first. */
  history(orgUid: string, options?: { limit?: number }): Promise<PolicyHistoryEntry[]>;
}

// KEYS: policy, history. ARGV: expected version, version when none is saved, policy json,
// history entry json, history limit. Returns {1} or {0, currentVersion}.
const SAVE_POLICY = new LuaScript(
  "save-policy",
  `local current = redis.call('GET', KEYS[1])
local version = tonumber(ARGV[2])
if current then version = cjson.decode(current).version end
if version ~= tonumber(ARGV[1]) then return {0, version} end
redis.call('SET', KEYS[1], ARGV[3])
redis.call('LPUSH', KEYS[2], ARGV[4])
redis.call('LTRIM', KEYS[2], 0, tonumber(ARGV[5]) - 1)
return {1}`,
);

// Read back through the same rules as on save; a stored policy that fails them is corrupt.
const storedPolicy = z.unknown().transform((value, ctx) => {
  try {
    return parseMappingPolicy(value);
  } catch (error) {
    if (!(error instanceof InvalidPolicyError)) throw error;
    for (const issue of error.issues)
      ctx.addIssue({ code: "custom", message: `${issue.path}: ${issue.message}` });
    return z.NEVER;
  }
});

const historySchema = z.strictObject({
  version: z.number().int().min(1),
  changedBy: actorSchema,
  changedAt: z.number().int(),
  note: z.string().optional(),
  policy: storedPolicy,
});

const saveOptionsSchema = z.object({
  expectedVersion: z.number().int().min(0),
  changedBy: actorSchema,
});

/** Creates the policy store. */
export function createPolicyStore(options: PolicyStoreOptions): PolicyStore {
  const { redis, clock, keys } = resolveStoreOptions(options);
  const defaultPolicy = options.defaultPolicy ?? DEFAULT_MAPPING_POLICY;

  async function get(orgUid: string): Promise<MappingPolicy | null> {
    const key = keys.policy(orgUid);
    const raw = await redis.get(key);
    return raw === null ? null : parseStored(storedPolicy, raw, key);
  }

  return {
    get,
    async getEffective(orgUid) {
      return (await get(orgUid)) ?? defaultPolicy;
    },

    async save(orgUid, policy, saveOptions) {
      const { expectedVersion, changedBy } = checkInput(
        saveOptionsSchema,
        saveOptions,
        "policy save options",
      );
      const now = clock.now();
      const next = parseMappingPolicy(
        {
          levels: policy.levels,
          memberGrantableLevels: policy.memberGrantableLevels,
          ...(policy.note === undefined ? {} : { note: policy.note }),
          version: expectedVersion + 1,
          updatedAt: new Date(now).toISOString(),
          updatedBy: changedBy.type === "person" ? changedBy.uid : `system:${changedBy.name}`,
        },
        saveOptions.rolesAvailable ? { rolesAvailable: saveOptions.rolesAvailable } : {},
      );
      const entry: PolicyHistoryEntry = {
        version: next.version,
        changedBy,
        changedAt: now,
        ...(next.note === undefined ? {} : { note: next.note }),
        policy: next,
      };
      const result = (await SAVE_POLICY.run(
        redis,
        [keys.policy(orgUid), keys.policyHistory(orgUid)],
        [
          expectedVersion,
          defaultPolicy.version,
          JSON.stringify(next),
          JSON.stringify(entry),
          POLICY_HISTORY_LIMIT,
        ],
      )) as unknown[];
      if (result[0] === 0)
        throw new StaleWriteError(
          `mapping policy of organization ${orgUid}`,
          expectedVersion,
          Number(result[1]),
        );
      return next;
    },

    async history(orgUid, historyOptions = {}) {
      const key = keys.policyHistory(orgUid);
      const limit = Math.max(
        1,
        Math.min(historyOptions.limit ?? POLICY_HISTORY_LIMIT, POLICY_HISTORY_LIMIT),
      );
      const raws = await redis.lrange(key, 0, limit - 1);
      return raws.map((raw, index) => parseStored(historySchema, raw, `${key}[${index}]`));
    },
  };
}
