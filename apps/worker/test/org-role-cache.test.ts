// The organization role cache: a targeted sync reads the member pages only while the roles and
// Owner it holds are under a minute old, and not once the audit log says the Owner changed, on
// whichever replica polled.
import type {
  ContentstackClient,
  MemberRoleContext,
  MembershipChange,
} from "@lytics-access/contentstack";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";

import { dropsHeldRoles } from "../src/adapters/create-audit-reader";
import type { CallInstrument } from "../src/adapters/instrument-call";
import { createMembersPort } from "../src/adapters/members-port";
import {
  createOrgRoleCache,
  createRedisRoleGenerations,
  ORG_ROLE_CACHE_TTL_MS,
  type RoleGenerations,
} from "../src/adapters/org-role-cache";

const ORG = "blt_org_acme";
const roles = (ownerUid: string): MemberRoleContext => ({
  organization: { uid: ORG, name: "Acme", ownerUid, enabled: true, rateLimits: undefined },
  roles: [
    {
      uid: "r_admin",
      name: "Admin",
      description: null,
      isAdmin: true,
      isDefault: false,
      userUids: [],
    },
    {
      uid: "r_member",
      name: "Member",
      description: null,
      isAdmin: false,
      isDefault: true,
      userUids: [],
    },
  ],
});

function clock(start = 1_000_000) {
  let at = start;
  return { now: () => at, advance: (ms: number) => (at += ms) };
}

/** Generations in memory, shared by the caches given it (two replicas). */
function sharedGenerations(): RoleGenerations {
  const counters = new Map<string, number>();
  return {
    read: async (orgUid) => counters.get(orgUid) ?? 0,
    bump: async (orgUid) => void counters.set(orgUid, (counters.get(orgUid) ?? 0) + 1),
  };
}

describe("org role cache", () => {
  it("hands back what a listing kept, for the same organization only", async () => {
    const time = clock();
    const cache = createOrgRoleCache({ now: time.now });
    const first = await cache.lookup(ORG);
    expect(first.context).toBeUndefined();
    first.keep(roles("u_olivia"));
    expect((await cache.lookup(ORG)).context).toEqual(roles("u_olivia"));
    expect((await cache.lookup("blt_org_globex")).context).toBeUndefined();
  });

  it("expires on the injected clock after the TTL (60 s by default)", async () => {
    const time = clock();
    const cache = createOrgRoleCache({ now: time.now });
    (await cache.lookup(ORG)).keep(roles("u_olivia"));
    time.advance(ORG_ROLE_CACHE_TTL_MS - 1);
    expect((await cache.lookup(ORG)).context).toBeDefined();
    time.advance(1);
    expect((await cache.lookup(ORG)).context).toBeUndefined();
    expect((await cache.lookup(ORG)).context).toBeUndefined();
  });

  it("drops an organization's entry when invalidated, here and on another replica", async () => {
    const generations = sharedGenerations();
    const time = clock();
    const poller = createOrgRoleCache({ now: time.now, generations });
    const runner = createOrgRoleCache({ now: time.now, generations });
    (await poller.lookup(ORG)).keep(roles("u_olivia"));
    (await runner.lookup(ORG)).keep(roles("u_olivia"));
    (await runner.lookup("blt_org_globex")).keep(roles("u_gina"));
    await poller.invalidate(ORG);
    expect((await poller.lookup(ORG)).context).toBeUndefined();
    expect((await runner.lookup(ORG)).context).toBeUndefined();
    expect((await runner.lookup("blt_org_globex")).context).toEqual(roles("u_gina"));
  });

  it("does not keep what a listing read across an invalidation made while it ran", async () => {
    const generations = sharedGenerations();
    const cache = createOrgRoleCache({ generations });
    const held = await cache.lookup(ORG);
    await cache.invalidate(ORG); // the transfer lands while the listing reads the old owner
    held.keep(roles("u_olivia"));
    expect((await cache.lookup(ORG)).context).toBeUndefined();
  });

  it("invalidates on an ownership transfer or an unreadable item, not on a role change", () => {
    const base = { logUid: "l1", at: new Date(0), actorUid: null };
    const changes: MembershipChange[] = [
      {
        ...base,
        kind: "ownership-transferred",
        email: "a@acme.test",
        userUid: "u_a",
        previousOwnerUid: "u_o",
      },
      {
        kind: "unreadable",
        logUid: "l2",
        eventType: "transfer_ownership",
        reason: "no transfer_to",
      },
      {
        ...base,
        kind: "roles-changed",
        email: "b@acme.test",
        userUid: "u_b",
        rolesBefore: null,
        rolesAfter: ["r_admin"],
      },
      { ...base, kind: "removed", email: "c@acme.test", userUid: "u_c", rolesBefore: null },
    ];
    expect(changes.map(dropsHeldRoles)).toEqual([true, true, false, false]);
  });
});

describe("members port with the role cache", () => {
  const instrument: CallInstrument = (_api, _operation, call) => call();

  it("passes the held roles to the listing and keeps what a listing read", async () => {
    const seen: (MemberRoleContext | undefined)[] = [];
    const client = {
      async listMembers(options?: Parameters<ContentstackClient["listMembers"]>[0]) {
        seen.push(options?.roleContext);
        if (!options?.roleContext) options?.onRoleContext?.(roles("u_olivia"));
        return [
          {
            shareUid: "s1",
            userUid: "u_olivia",
            email: "olivia@acme.test",
            name: null,
            role: "owner" as const,
            roleUids: [],
            status: "accepted" as const,
            invitedBy: null,
            invitedAt: null,
          },
        ];
      },
    } as unknown as ContentstackClient;
    const time = clock();
    const cache = createOrgRoleCache({ now: time.now });
    const port = createMembersPort(client, instrument, { cache, orgUid: ORG });
    const listing = await port.list();
    // The listing is the whole listing either way: the guard counts it.
    expect(listing.total).toBe(1);
    await port.list();
    time.advance(ORG_ROLE_CACHE_TTL_MS);
    await port.list();
    expect(seen).toEqual([undefined, roles("u_olivia"), undefined]);
  });
});

describe("role generations in Redis", () => {
  let redis: Redis;
  beforeAll(() => {
    redis = new Redis(inject("redisUrl"));
  });
  afterAll(async () => {
    await redis.quit();
  });

  it("counts per organization under the given prefix, with an expiry", async () => {
    const prefix = `{test-roles-${process.pid}-${Date.now()}}`;
    const generations = createRedisRoleGenerations(redis, prefix);
    expect(await generations.read(ORG)).toBe(0);
    await generations.bump(ORG);
    await generations.bump(ORG);
    expect(await generations.read(ORG)).toBe(2);
    expect(await generations.read("blt_org_globex")).toBe(0);
    expect(await redis.pttl(`${prefix}:org-roles-generation:${ORG}`)).toBeGreaterThan(
      ORG_ROLE_CACHE_TTL_MS,
    );
  });
});
