import type { MemberGrantableLevel } from "@lytics-access/permissions";
import { z } from "zod";

import { actorSchema, type Actor } from "../support/actor";
import { checkInput, parseStored } from "../support/parse-record";
import { resolveStoreOptions, type StoreOptions } from "../support/store-options";

/**
 * The level ids a Member may be granted (packages/permissions `MemberGrantableLevel`). Listed here
 * because permissions exports only the type; the `satisfies` and the check below keep the two in
 * step: a level added there fails the typecheck here.
 */
export const MEMBER_LEVEL_IDS = Object.freeze([
  "editor",
  "audience-manager",
  "data-manager",
] as const satisfies readonly MemberGrantableLevel[]);
type Unlisted = Exclude<MemberGrantableLevel, (typeof MEMBER_LEVEL_IDS)[number]>;
const _everyLevelListed: [Unlisted] extends [never] ? true : Unlisted = true;

/**
 * An access level an Owner or Admin granted a Member (DESIGN §3.1). Whether the organization's
 * policy allows the level is decided when the desired state is computed, not here, so a policy
 * change never silently deletes a grant.
 */
export interface MemberLevelGrant {
  readonly userUid: string;
  readonly level: MemberGrantableLevel;
  readonly email?: string | undefined;
  readonly grantedBy: Actor;
  /** Epoch ms. */
  readonly grantedAt: number;
}

const memberLevelSchema = z.strictObject({
  userUid: z.string().min(1),
  level: z.enum(MEMBER_LEVEL_IDS),
  email: z.string().optional(),
  grantedBy: actorSchema,
  grantedAt: z.number().int(),
});

const setInputSchema = memberLevelSchema.omit({ grantedAt: true });

/** Member level grants per organization. */
export interface MemberLevelsStore {
  /** Grants (or changes) a Member's level. */
  set(orgUid: string, grant: Omit<MemberLevelGrant, "grantedAt">): Promise<MemberLevelGrant>;
  get(orgUid: string, userUid: string): Promise<MemberLevelGrant | null>;
  /** Every level grant, by user uid. */
  list(orgUid: string): Promise<MemberLevelGrant[]>;
  remove(orgUid: string, userUid: string): Promise<boolean>;
}

/** Creates the member-levels store. */
export function createMemberLevelsStore(options: StoreOptions): MemberLevelsStore {
  const { redis, clock, keys } = resolveStoreOptions(options);
  const parse = (orgUid: string, userUid: string, raw: string): MemberLevelGrant =>
    parseStored(memberLevelSchema, raw, `${keys.memberLevels(orgUid)} field ${userUid}`);

  return {
    async set(orgUid, grant) {
      const record: MemberLevelGrant = {
        ...checkInput(setInputSchema, grant, "member level grant"),
        grantedAt: clock.now(),
      };
      await redis.hset(keys.memberLevels(orgUid), record.userUid, JSON.stringify(record));
      return record;
    },
    async get(orgUid, userUid) {
      const raw = await redis.hget(keys.memberLevels(orgUid), userUid);
      return raw === null ? null : parse(orgUid, userUid, raw);
    },
    async list(orgUid) {
      const all = await redis.hgetall(keys.memberLevels(orgUid));
      return Object.entries(all)
        .map(([userUid, raw]) => parse(orgUid, userUid, raw))
        .sort((a, b) => a.userUid.localeCompare(b.userUid));
    },
    async remove(orgUid, userUid) {
      return (await redis.hdel(keys.memberLevels(orgUid), userUid)) > 0;
    },
  };
}
