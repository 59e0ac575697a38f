import { describe, expect, it } from "vitest";

import { AlreadyExistsError } from "../src/errors/already-exists-error";
import { CorruptRecordError } from "../src/errors/corrupt-record-error";
import { InvalidInputError } from "../src/errors/invalid-input-error";
import { NotFoundError } from "../src/errors/not-found-error";
import { StaleWriteError } from "../src/errors/stale-write-error";
import { createGrantsStore } from "../src/grants/grants-store";
import { createMemberLevelsStore } from "../src/grants/member-levels-store";
import { createProjectOwnersStore } from "../src/grants/project-owners-store";
import { createKeys } from "../src/keys";
import type { Actor } from "../src/support/actor";
import { isolation, manualClock, useRedis } from "./support/test-redis";

const redis = useRedis();
const admin: Actor = { type: "person", uid: "admin-1", email: "admin@acme.test" };

function setup() {
  const { keyPrefix, orgUid } = isolation();
  const clock = manualClock();
  const options = { redis, clock, keyPrefix };
  return {
    orgUid,
    clock,
    keyPrefix,
    grants: createGrantsStore(options),
    owners: createProjectOwnersStore(options),
    levels: createMemberLevelsStore(options),
  };
}

describe("grants", () => {
  it("creates, reads and lists grants by org, project and person", async () => {
    const { grants, orgUid, clock } = setup();
    const a = await grants.create(orgUid, {
      projectUid: "p1",
      email: " Carla@Contractor.test ",
      roles: ["segment_manager"],
      expiresAt: clock.now() + 30 * 86_400_000,
      grantedBy: admin,
      source: "app",
    });
    expect(a).toMatchObject({
      email: "carla@contractor.test",
      version: 1,
      grantedAt: clock.now(),
      source: "app",
    });
    const b = await grants.create(orgUid, {
      projectUid: "p2",
      email: "carla@contractor.test",
      userUid: "u-carla",
      roles: ["observer"],
      grantedBy: { type: "system", name: "import" },
      source: "import",
    });
    const c = await grants.create(orgUid, {
      projectUid: "p1",
      email: "dan@acme.test",
      roles: ["admin"],
      grantedBy: admin,
      source: "access-request",
    });
    expect(await grants.get(orgUid, a.id)).toEqual(a);
    expect((await grants.list(orgUid)).map((g) => g.id)).toEqual([a.id, c.id, b.id]);
    expect((await grants.listByProject(orgUid, "p1")).map((g) => g.id)).toEqual([a.id, c.id]);
    expect(
      (await grants.listByPerson(orgUid, { email: "CARLA@contractor.test" })).map((g) => g.id),
    ).toEqual([a.id, b.id]);
    expect((await grants.listByPerson(orgUid, { uid: "u-carla" })).map((g) => g.id)).toEqual([
      b.id,
    ]);
  });

  it("keeps one grant per person and project", async () => {
    const { grants, orgUid } = setup();
    const first = await grants.create(orgUid, {
      projectUid: "p1",
      email: "e@x.test",
      roles: ["observer"],
      grantedBy: admin,
      source: "app",
    });
    const again = grants.create(orgUid, {
      projectUid: "p1",
      email: "E@X.test",
      roles: ["admin"],
      grantedBy: admin,
      source: "app",
    });
    await expect(again).rejects.toThrow(AlreadyExistsError);
    await expect(again).rejects.toMatchObject({ existingId: first.id });
  });

  it("refuses a stale version on update and remove instead of overwriting", async () => {
    const { grants, orgUid, clock } = setup();
    const grant = await grants.create(orgUid, {
      projectUid: "p1",
      email: "e@x.test",
      roles: ["observer"],
      grantedBy: admin,
      source: "app",
    });
    clock.advance(1000);
    const updated = await grants.update(orgUid, grant.id, 1, { roles: ["observer", "marketer"] });
    expect(updated).toMatchObject({
      version: 2,
      roles: ["observer", "marketer"],
      updatedAt: clock.now(),
    });
    // A second editor still holding version 1:
    await expect(grants.update(orgUid, grant.id, 1, { roles: ["admin"] })).rejects.toThrow(
      StaleWriteError,
    );
    await expect(grants.remove(orgUid, grant.id, 1)).rejects.toMatchObject({
      code: "STORE_STALE_WRITE",
      actualVersion: 2,
    });
    expect((await grants.get(orgUid, grant.id))?.roles).toEqual(["observer", "marketer"]);

    // Two concurrent updates from the same version: exactly one wins.
    const results = await Promise.allSettled([
      grants.update(orgUid, grant.id, 2, { roles: ["admin"] }),
      grants.update(orgUid, grant.id, 2, { roles: ["data_manager"] }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);

    await grants.remove(orgUid, grant.id, 3);
    expect(await grants.get(orgUid, grant.id)).toBeNull();
    expect(await grants.listByProject(orgUid, "p1")).toEqual([]);
    expect(await grants.listByPerson(orgUid, { email: "e@x.test" })).toEqual([]);
    await expect(grants.remove(orgUid, grant.id, 3)).rejects.toThrow(NotFoundError);
    // The person may be granted again once the old grant is gone.
    await grants.create(orgUid, {
      projectUid: "p1",
      email: "e@x.test",
      roles: ["observer"],
      grantedBy: admin,
      source: "app",
    });
  });

  it("lists expired grants, and an expiry can be moved or cleared", async () => {
    const { grants, orgUid, clock } = setup();
    const now = clock.now();
    const soon = await grants.create(orgUid, {
      projectUid: "p1",
      email: "a@x.test",
      roles: ["observer"],
      expiresAt: now + 1000,
      grantedBy: admin,
      source: "app",
    });
    const later = await grants.create(orgUid, {
      projectUid: "p1",
      email: "b@x.test",
      roles: ["observer"],
      expiresAt: now + 5000,
      grantedBy: admin,
      source: "app",
    });
    await grants.create(orgUid, {
      projectUid: "p1",
      email: "c@x.test",
      roles: ["observer"],
      grantedBy: admin,
      source: "app",
    });
    expect(await grants.listExpired(orgUid, now)).toEqual([]);
    expect((await grants.listExpired(orgUid, now + 1000)).map((g) => g.id)).toEqual([soon.id]);
    expect((await grants.listExpired(orgUid, now + 9000)).map((g) => g.id)).toEqual([
      soon.id,
      later.id,
    ]);
    await grants.update(orgUid, soon.id, 1, { expiresAt: null });
    await grants.update(orgUid, later.id, 1, { expiresAt: now + 20_000 });
    expect(await grants.listExpired(orgUid, now + 9000)).toEqual([]);
    expect((await grants.get(orgUid, soon.id))?.expiresAt).toBeUndefined();
  });

  it("validates input and reports a corrupt stored grant", async () => {
    const { grants, orgUid, keyPrefix } = setup();
    await expect(
      grants.create(orgUid, {
        projectUid: "p1",
        email: "not-an-email",
        roles: ["observer"],
        grantedBy: admin,
        source: "app",
      }),
    ).rejects.toThrow(InvalidInputError);
    await expect(
      grants.create(orgUid, {
        projectUid: "p1",
        email: "a@x.test",
        roles: [],
        grantedBy: admin,
        source: "app",
      }),
    ).rejects.toThrow(/roles/);
    const grant = await grants.create(orgUid, {
      projectUid: "p1",
      email: "a@x.test",
      roles: ["observer"],
      grantedBy: admin,
      source: "app",
    });
    await redis.hset(
      createKeys(keyPrefix).grants(orgUid),
      grant.id,
      JSON.stringify({ ...grant, roles: "admin" }),
    );
    await expect(grants.list(orgUid)).rejects.toThrow(CorruptRecordError);
    await expect(grants.listByProject(orgUid, "p1")).rejects.toThrow(/roles/);
  });
});

describe("project owners and member levels", () => {
  it("records, lists and removes project owners", async () => {
    const { owners, orgUid, clock } = setup();
    await owners.set(orgUid, {
      projectUid: "p2",
      userUid: "u2",
      email: "two@x.test",
      recordedBy: admin,
    });
    const p1 = await owners.set(orgUid, { projectUid: "p1", userUid: "u1", recordedBy: admin });
    expect(p1.recordedAt).toBe(clock.now());
    expect(await owners.get(orgUid, "p1")).toEqual(p1);
    expect((await owners.list(orgUid)).map((o) => o.projectUid)).toEqual(["p1", "p2"]);
    expect(await owners.remove(orgUid, "p1")).toBe(true);
    expect(await owners.get(orgUid, "p1")).toBeNull();
  });

  it("records Member levels with the permissions package's level ids only", async () => {
    const { levels, orgUid, keyPrefix } = setup();
    const grant = await levels.set(orgUid, {
      userUid: "m1",
      level: "audience-manager",
      grantedBy: admin,
    });
    expect(await levels.get(orgUid, "m1")).toEqual(grant);
    await levels.set(orgUid, { userUid: "m1", level: "data-manager", grantedBy: admin });
    expect((await levels.list(orgUid)).map((g) => g.level)).toEqual(["data-manager"]);
    await expect(
      levels.set(orgUid, { userUid: "m2", level: "admin" as "editor", grantedBy: admin }),
    ).rejects.toThrow(InvalidInputError);
    await redis.hset(createKeys(keyPrefix).memberLevels(orgUid), "m3", "{broken");
    await expect(levels.list(orgUid)).rejects.toThrow(/not valid JSON/);
    expect(await levels.remove(orgUid, "m1")).toBe(true);
  });
});
