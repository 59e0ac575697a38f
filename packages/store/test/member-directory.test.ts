import { describe, expect, it } from "vitest";

import { createKeys } from "../src/keys";
import type { DirectoryRow } from "../src/member-directory/member-directory-row";
import { createMemberDirectoryStore } from "../src/member-directory/member-directory-store";
import { isolation, manualClock, useRedis } from "./support/test-redis";

const redis = useRedis();

function setup() {
  const { keyPrefix, orgUid } = isolation();
  const clock = manualClock();
  return {
    orgUid,
    clock,
    keyPrefix,
    store: createMemberDirectoryStore({ redis, clock, keyPrefix }),
  };
}

function row(key: string, overrides: Partial<DirectoryRow> = {}): DirectoryRow {
  return {
    key,
    uid: key,
    email: `${key}@acme.test`,
    name: key.toUpperCase(),
    orgRole: "member",
    invitation: "accepted",
    level: null,
    grantedLevel: null,
    projects: [],
    status: "in-sync",
    statusReasons: [],
    ...overrides,
  };
}

const onP1 = (desired: string[], actual: string[] | null) => ({
  projectUid: "P1",
  projectName: "Project one",
  desired,
  actual,
  invited: false,
  sources: desired.length
    ? [{ kind: "collaborator", rule: "desired.collaborator", roles: desired, reason: "granted" }]
    : [],
});

const snapshot = (rows: DirectoryRow[]) => ({
  rows,
  readAt: 1000,
  runId: "run-1",
  policyVersion: 1,
  projects: [{ uid: "P1", name: "Project one" }],
});

describe("member directory", () => {
  it("has nothing before the first full snapshot, and a targeted update does not start one", async () => {
    const { store, orgUid } = setup();
    expect(await store.meta(orgUid)).toBeNull();
    expect(await store.query(orgUid, {})).toBeNull();
    expect(await store.upsert(orgUid, { rows: [row("mia")], runId: "people-1" })).toBeNull();
    expect(await store.meta(orgUid)).toBeNull();
  });

  it("replaces the snapshot, pages in name order and filters by every field together", async () => {
    const { store, orgUid, clock } = setup();
    clock.set(5000);
    const rows = [
      row("olivia", { orgRole: "owner", level: "admin", projects: [onP1(["admin"], ["admin"])] }),
      row("adam", { orgRole: "admin", level: "editor" }),
      row("mia", {
        projects: [onP1(["audience_manager"], null)],
        status: "out-of-sync",
        statusReasons: ["missing on P1"],
      }),
      row("gus", {
        orgRole: "guest",
        level: "restricted",
        invitation: "pending",
        status: "pending",
      }),
    ];
    const meta = await store.replace(orgUid, snapshot(rows));
    expect(meta).toMatchObject({ version: 1, readAt: 1000, updatedAt: 5000, total: 4 });

    const first = await store.query(orgUid, { pageSize: 2 });
    expect(first?.rows.map((r) => r.key)).toEqual(["adam", "gus"]);
    expect(first).toMatchObject({ matching: 4, page: 1, pageCount: 2 });
    const second = await store.query(orgUid, { pageSize: 2, page: 2 });
    expect(second?.rows.map((r) => r.key)).toEqual(["mia", "olivia"]);
    // A page past the end is the last page, never an empty one.
    expect((await store.query(orgUid, { pageSize: 2, page: 9 }))?.page).toBe(2);

    const keysOf = async (q: Parameters<typeof store.query>[1]) =>
      (await store.query(orgUid, q))?.rows.map((r) => r.key);
    expect(await keysOf({ search: "MIA@" })).toEqual(["mia"]);
    expect(await keysOf({ orgRole: "owner" })).toEqual(["olivia"]);
    expect(await keysOf({ level: "none" })).toEqual(["mia"]);
    expect(await keysOf({ level: "editor" })).toEqual(["adam"]);
    expect(await keysOf({ project: "P1" })).toEqual(["mia", "olivia"]);
    expect(await keysOf({ status: "out-of-sync" })).toEqual(["mia"]);
    expect(await keysOf({ status: "pending" })).toEqual(["gus"]);
    expect(await keysOf({ project: "P1", orgRole: "member", status: "out-of-sync" })).toEqual([
      "mia",
    ]);
    expect(await keysOf({ keys: ["mia"], project: "P1" })).toEqual(["mia"]);
    expect(await keysOf({ keys: ["mia"], orgRole: "owner" })).toEqual([]);
    // Page size is capped at 50.
    expect((await store.query(orgUid, { pageSize: 500 }))?.pageSize).toBe(50);

    expect(await store.row(orgUid, "mia")).toEqual(rows[2]);
    expect(await store.row(orgUid, "nobody")).toBeNull();

    // A second full snapshot replaces everything: people gone from it are gone.
    const again = await store.replace(orgUid, { ...snapshot([row("adam")]), runId: "run-2" });
    expect(again.version).toBe(2);
    expect((await store.query(orgUid, {}))?.rows.map((r) => r.key)).toEqual(["adam"]);
    expect(await store.row(orgUid, "mia")).toBeNull();
  });

  it("updates and removes single people after a targeted sync, seen by another reader at once", async () => {
    const { store, orgUid, keyPrefix } = setup();
    await store.replace(orgUid, snapshot([row("adam"), row("mia", { status: "out-of-sync" })]));
    const otherReplica = createMemberDirectoryStore({ redis, keyPrefix });
    expect((await otherReplica.query(orgUid, { status: "out-of-sync" }))?.matching).toBe(1);

    const meta = await store.upsert(orgUid, {
      rows: [row("mia", { status: "in-sync" }), row("zoe")],
      removed: ["adam@acme.test"],
      runId: "people-7",
    });
    expect(meta).toMatchObject({ version: 2, total: 2, runId: "people-7", readAt: 1000 });
    // The other replica's cached index is for version 1: it reads the new one.
    expect((await otherReplica.query(orgUid, { status: "out-of-sync" }))?.matching).toBe(0);
    expect((await otherReplica.query(orgUid, {}))?.rows.map((r) => r.key)).toEqual(["mia", "zoe"]);
    expect(await otherReplica.row(orgUid, "adam")).toBeNull();
  });

  it("refuses bad rows before writing and keeps every key in the organization's slot", async () => {
    const { store, orgUid, keyPrefix } = setup();
    await expect(
      store.replace(
        orgUid,
        snapshot([{ ...row("mia"), orgRole: "emperor" } as unknown as DirectoryRow]),
      ),
    ).rejects.toThrow(/invalid member directory rows/);
    expect(await store.meta(orgUid)).toBeNull();
    const keys = createKeys(keyPrefix);
    expect(keys.memberDirectory(orgUid, "rows")).toContain(`{org:${orgUid}}`);
    await store.replace(orgUid, snapshot([row("mia")]));
    await store.clear(orgUid);
    expect(await redis.exists(keys.memberDirectory(orgUid, "rows"))).toBe(0);
    expect(await store.query(orgUid, {})).toBeNull();
  });
});

describe("member directory names", () => {
  it("keeps the last name seen for someone a later listing gives none", async () => {
    const { store, orgUid } = setup();
    await store.replace(orgUid, snapshot([row("mia", { name: "Mia Member" })]));
    await store.replace(orgUid, snapshot([row("mia", { name: null }), row("pam", { name: null })]));
    expect((await store.row(orgUid, "mia"))?.name).toBe("Mia Member");
    expect((await store.row(orgUid, "pam"))?.name).toBeNull();
    // Searching finds her by name too.
    expect((await store.query(orgUid, { search: "mia mem" }))?.matching).toBe(1);
    await store.upsert(orgUid, { rows: [row("mia", { name: "Mia M. Member" })], runId: "p" });
    expect((await store.row(orgUid, "mia"))?.name).toBe("Mia M. Member");
  });
});

describe("member directory index", () => {
  it("reports a damaged index as a corrupt record instead of answering wrong pages", async () => {
    const { store, orgUid, keyPrefix } = setup();
    await store.replace(orgUid, snapshot([row("mia")]));
    await redis.set(createKeys(keyPrefix).memberDirectory(orgUid, "index"), '[["mia"]]');
    const fresh = createMemberDirectoryStore({ redis, keyPrefix });
    await expect(fresh.query(orgUid, {})).rejects.toThrow(/not an index entry/);
  });

  it("writes a large snapshot in one piece (more fields than one HSET call takes)", async () => {
    const { store, orgUid } = setup();
    const many = Array.from({ length: 2500 }, (_, i) => row(`p${String(i).padStart(4, "0")}`));
    await store.replace(orgUid, snapshot(many));
    const last = await store.query(orgUid, { page: 50, pageSize: 50 });
    expect(last?.rows.map((r) => r.key).at(-1)).toBe("p2499");
    expect(last?.matching).toBe(2500);
    expect(await store.row(orgUid, "p1234")).toMatchObject({ email: "p1234@acme.test" });
  });

  it("a bad row in a later chunk leaves the previous snapshot whole and no staging behind", async () => {
    const { store, orgUid, keyPrefix } = setup();
    await store.replace(orgUid, snapshot([row("mia")]));
    const many = Array.from({ length: 4500 }, (_, i) => row(`p${String(i).padStart(4, "0")}`));
    many[4400] = { ...row("bad"), orgRole: "emperor" } as unknown as DirectoryRow;
    await expect(store.replace(orgUid, snapshot(many))).rejects.toThrow(
      /invalid member directory rows/,
    );
    expect(await store.meta(orgUid)).toMatchObject({ version: 1, total: 1 });
    expect(await store.row(orgUid, "p0001")).toBeNull();
    expect(await store.row(orgUid, "mia")).toMatchObject({ email: "mia@acme.test" });
    expect(await redis.keys(`${keyPrefix}:*staging*`)).toEqual([]);
  });

  it("takes rows as a generator makes them; one that fails midway leaves the snapshot whole", async () => {
    const { store, orgUid, keyPrefix } = setup();
    function* made(count: number, failAt?: number): Generator<DirectoryRow> {
      for (let i = 0; i < count; i++) {
        if (i === failAt) throw new Error("the listing went away");
        yield row(`p${String(i).padStart(4, "0")}`);
      }
    }
    const meta = await store.replace(orgUid, { ...snapshot([]), rows: made(4500) });
    expect(meta.total).toBe(4500);
    expect(await store.row(orgUid, "p4499")).toMatchObject({ email: "p4499@acme.test" });
    await expect(
      store.replace(orgUid, { ...snapshot([]), rows: made(4500, 4400) }),
    ).rejects.toThrow("the listing went away");
    expect(await store.meta(orgUid)).toMatchObject({ version: 1, total: 4500 });
    expect(await redis.keys(`${keyPrefix}:*staging*`)).toEqual([]);
  });

  it("writes a 100,000-person snapshot (more arguments than a JavaScript call may spread), named or not", async () => {
    const { store, orgUid } = setup();
    const many = Array.from({ length: 100_000 }, (_, i) =>
      row(`p${String(i).padStart(6, "0")}`, i % 2 === 0 ? { name: null } : {}),
    );
    await store.replace(orgUid, snapshot(many));
    expect((await store.meta(orgUid))?.total).toBe(100_000);
    expect(await store.row(orgUid, "p099999")).toMatchObject({ email: "p099999@acme.test" });
    // Again, with the names the first one kept for those this listing gives none.
    await store.replace(orgUid, { ...snapshot(many), runId: "run-2" });
    expect((await store.meta(orgUid))?.version).toBe(2);
  }, 60_000);
});
