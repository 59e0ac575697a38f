import { DEFAULT_MAPPING_POLICY, InvalidPolicyError } from "@lytics-access/permissions";
import { describe, expect, it } from "vitest";

import { CorruptRecordError } from "../src/errors/corrupt-record-error";
import { StaleWriteError } from "../src/errors/stale-write-error";
import { createKeys } from "../src/keys";
import { createPolicyStore } from "../src/policy/policy-store";
import type { Actor } from "../src/support/actor";
import { isolation, manualClock, useRedis } from "./support/test-redis";

const redis = useRedis();
const owner: Actor = { type: "person", uid: "owner-1", email: "owner@acme.test" };

function setup() {
  const { keyPrefix, orgUid } = isolation();
  const clock = manualClock();
  return { orgUid, clock, keyPrefix, store: createPolicyStore({ redis, clock, keyPrefix }) };
}

const edited = {
  levels: {
    ...DEFAULT_MAPPING_POLICY.levels,
    "data-manager": { roles: ["data_manager", "user_search"] },
  },
  memberGrantableLevels: ["audience-manager", "data-manager"] as const,
};

describe("policy", () => {
  it("starts from the default policy and saves versioned edits with history", async () => {
    const { store, orgUid, clock } = setup();
    expect(await store.get(orgUid)).toBeNull();
    expect(await store.getEffective(orgUid)).toBe(DEFAULT_MAPPING_POLICY);

    const v2 = await store.save(
      orgUid,
      { ...edited, note: "DMs may search users" },
      {
        expectedVersion: DEFAULT_MAPPING_POLICY.version,
        changedBy: owner,
      },
    );
    expect(v2).toMatchObject({
      version: 2,
      updatedBy: "owner-1",
      updatedAt: new Date(clock.now()).toISOString(),
    });
    expect(await store.getEffective(orgUid)).toEqual(v2);

    clock.advance(60_000);
    const v3 = await store.save(orgUid, DEFAULT_MAPPING_POLICY, {
      expectedVersion: 2,
      changedBy: owner,
    });
    expect(v3.version).toBe(3);
    const history = await store.history(orgUid);
    expect(history.map((h) => h.version)).toEqual([3, 2]);
    expect(history[1]).toMatchObject({
      changedBy: owner,
      note: "DMs may search users",
      policy: v2,
    });
    expect(history[0]?.changedAt).toBe(clock.now());
  });

  it("refuses a save against a stale version", async () => {
    const { store, orgUid } = setup();
    await store.save(orgUid, edited, { expectedVersion: 1, changedBy: owner });
    await expect(
      store.save(orgUid, DEFAULT_MAPPING_POLICY, { expectedVersion: 1, changedBy: owner }),
    ).rejects.toThrow(StaleWriteError);
    const results = await Promise.allSettled([
      store.save(orgUid, edited, { expectedVersion: 2, changedBy: owner }),
      store.save(orgUid, DEFAULT_MAPPING_POLICY, { expectedVersion: 2, changedBy: owner }),
    ]);
    expect(results.filter((r) => r.status === "rejected")).toHaveLength(1);
    expect((await store.history(orgUid)).map((h) => h.version)).toEqual([3, 2]);
  });

  it("validates through packages/permissions on save and on read", async () => {
    const { store, orgUid, keyPrefix } = setup();
    const typo = { ...edited, levels: { ...edited.levels, editor: { roles: ["segmnt_manager"] } } };
    await expect(
      store.save(orgUid, typo, { expectedVersion: 1, changedBy: owner }),
    ).rejects.toThrow(InvalidPolicyError);
    await expect(
      store.save(orgUid, typo, { expectedVersion: 1, changedBy: owner }),
    ).rejects.toThrow(/segmnt_manager/);
    await redis.set(
      createKeys(keyPrefix).policy(orgUid),
      JSON.stringify({ ...DEFAULT_MAPPING_POLICY, levels: typo.levels }),
    );
    await expect(store.getEffective(orgUid)).rejects.toThrow(CorruptRecordError);
  });
});
