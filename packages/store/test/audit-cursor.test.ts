import { describe, expect, it } from "vitest";

import { advanceAuditCursor } from "../src/audit-cursor/audit-cursor";
import { createAuditCursorStore } from "../src/audit-cursor/audit-cursor-store";
import { CorruptRecordError } from "../src/errors/corrupt-record-error";
import { createKeys } from "../src/keys";
import { isolation, manualClock, useRedis } from "./support/test-redis";

const redis = useRedis();
const T1 = "2026-01-01T10:00:00.000Z";
const T2 = "2026-01-01T10:00:05.000Z";

describe("audit cursor", () => {
  it("treats items at the cursor's own timestamp as new unless already seen", () => {
    const first = advanceAuditCursor(
      null,
      [
        { uid: "a", createdAt: T1 },
        { uid: "b", createdAt: T1 },
      ],
      1,
    );
    expect(first.fresh.map((i) => i.uid)).toEqual(["a", "b"]);
    expect(first.next).toMatchObject({ lastCreatedAt: T1, recentUids: ["a", "b"] });

    // The next poll returns a, b again plus c, written later in the same millisecond, and d.
    const second = advanceAuditCursor(
      first.next,
      [
        { uid: "a", createdAt: T1 },
        { uid: "b", createdAt: T1 },
        { uid: "c", createdAt: T1 },
        { uid: "old", createdAt: "2026-01-01T09:00:00.000Z" },
      ],
      2,
    );
    expect(second.fresh.map((i) => i.uid)).toEqual(["c"]);
    expect(second.next?.recentUids).toEqual(["a", "b", "c"]);

    const third = advanceAuditCursor(
      second.next,
      [
        { uid: "d", createdAt: T2 },
        { uid: "c", createdAt: T1 },
      ],
      3,
    );
    expect(third.fresh.map((i) => i.uid)).toEqual(["d"]);
    expect(third.next).toMatchObject({
      lastUid: "d",
      lastCreatedAt: T2,
      recentUids: ["d"],
      updatedAt: 3,
    });

    // Nothing new: the cursor stays as it was.
    expect(advanceAuditCursor(third.next, [{ uid: "d", createdAt: T2 }], 4).next).toBe(third.next);
  });

  it("stores the cursor per organization and reports a corrupt one", async () => {
    const { keyPrefix, orgUid } = isolation();
    const store = createAuditCursorStore({ redis, keyPrefix, clock: manualClock(42) });
    expect(await store.get(orgUid)).toBeNull();
    const { fresh, next } = await store.advance(orgUid, [{ uid: "x", createdAt: T1, extra: 1 }]);
    expect(fresh[0]?.extra).toBe(1);
    if (!next) throw new Error("expected a cursor");
    await store.set(orgUid, next);
    expect(await store.get(orgUid)).toEqual({
      lastUid: "x",
      lastCreatedAt: T1,
      recentUids: ["x"],
      updatedAt: 42,
    });
    expect((await store.advance(orgUid, [{ uid: "x", createdAt: T1 }])).fresh).toEqual([]);
    await redis.set(createKeys(keyPrefix).auditCursor(orgUid), JSON.stringify({ lastUid: "x" }));
    await expect(store.get(orgUid)).rejects.toThrow(CorruptRecordError);
    await store.reset(orgUid);
    expect(await store.get(orgUid)).toBeNull();
  });
});
