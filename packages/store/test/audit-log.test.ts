import { describe, expect, it } from "vitest";

import type { AuditEntryInput } from "../src/audit-log/audit-entry";
import { auditEntriesToCsv, csvCell } from "../src/audit-log/audit-csv";
import { createAuditLogStore } from "../src/audit-log/audit-log-store";
import { CorruptRecordError } from "../src/errors/corrupt-record-error";
import { InvalidInputError } from "../src/errors/invalid-input-error";
import { createKeys } from "../src/keys";
import { isolation, manualClock, useRedis } from "./support/test-redis";

const redis = useRedis();
const sync = { type: "system", name: "sync" } as const;

function setup(retention?: { maxEntries?: number; maxAgeMs?: number | null }) {
  const { keyPrefix, orgUid } = isolation();
  const clock = manualClock(Date.now());
  const log = createAuditLogStore({ redis, clock, keyPrefix, ...(retention ? { retention } : {}) });
  return { log, clock, orgUid, keyPrefix };
}

function change(email: string, projectUid: string, runId = "run-1"): AuditEntryInput {
  return {
    kind: "change-applied",
    actor: sync,
    projectUid,
    person: { email, uid: `uid-${email}` },
    change: "replace-roles",
    beforeRoles: ["observer"],
    afterRoles: ["admin"],
    why: { rules: ["org-owner"], text: "Organization Owners get Admin (seed 000)" },
    runId,
    stepId: `${projectUid}:${email}`,
  };
}

describe("audit log", () => {
  it("appends validated entries and reads them newest first with filters", async () => {
    const { log, clock, orgUid } = setup();
    await log.append(orgUid, change("ann@x.test", "p1"));
    clock.advance(1000);
    await log.append(orgUid, {
      kind: "plan-held",
      actor: sync,
      planId: "plan-9",
      removals: 30,
      share: 0.3,
      threshold: 0.2,
    });
    clock.advance(1000);
    await log.append(orgUid, change("bob@x.test", "p2"));
    clock.advance(1000);
    await log.append(orgUid, {
      kind: "plan-approved",
      actor: { type: "person", uid: "owner-1" },
      planId: "plan-9",
    });

    const all = await log.read(orgUid);
    expect(all.entries.map((e) => e.kind)).toEqual([
      "plan-approved",
      "change-applied",
      "plan-held",
      "change-applied",
    ]);
    expect(all.nextCursor).toBeNull();
    expect(all.entries[0]?.at).toBe(clock.now());

    expect((await log.read(orgUid, { person: { email: "ANN@x.test" } })).entries).toHaveLength(1);
    expect((await log.read(orgUid, { person: { uid: "uid-bob@x.test" } })).entries[0]?.kind).toBe(
      "change-applied",
    );
    expect((await log.read(orgUid, { projectUid: "p2" })).entries).toHaveLength(1);
    expect(
      (await log.read(orgUid, { kinds: ["plan-held", "plan-approved"] })).entries,
    ).toHaveLength(2);
    const start = clock.now() - 3000;
    expect(
      (await log.read(orgUid, { from: start + 1000, to: start + 2000 })).entries.map((e) => e.kind),
    ).toEqual(["change-applied", "plan-held"]);
  });

  it("pages with a cursor", async () => {
    const { log, orgUid } = setup();
    for (let i = 0; i < 7; i += 1) await log.append(orgUid, change(`p${i}@x.test`, "p1"));
    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await log.read(orgUid, { limit: 3, ...(cursor ? { cursor } : {}) });
      seen.push(
        ...page.entries.map((e) => (e.kind === "change-applied" ? (e.person.email ?? "") : "")),
      );
      cursor = page.nextCursor ?? undefined;
      pages += 1;
    } while (cursor);
    expect(seen).toEqual(["p6", "p5", "p4", "p3", "p2", "p1", "p0"].map((p) => `${p}@x.test`));
    expect(pages).toBe(3);
    // A narrow filter over a long stream stops after scanLimit entries with a cursor to go on.
    const short = await log.read(orgUid, { projectUid: "nope", scanLimit: 4 });
    expect(short.entries).toEqual([]);
    expect(short.nextCursor).not.toBeNull();
  });

  it("refuses entries that do not match their kind, and reports corrupt stored ones", async () => {
    const { log, orgUid, keyPrefix } = setup();
    await expect(
      log.append(orgUid, {
        kind: "plan-held",
        actor: sync,
        planId: "x",
        removals: -1,
        share: 2,
        threshold: 0.2,
      }),
    ).rejects.toThrow(InvalidInputError);
    await expect(
      log.append(orgUid, { kind: "no-such-kind", actor: sync } as unknown as AuditEntryInput),
    ).rejects.toThrow(InvalidInputError);
    await redis.xadd(
      createKeys(keyPrefix).audit(orgUid),
      "*",
      "e",
      JSON.stringify({ kind: "from-the-future", at: 1 }),
    );
    await expect(log.read(orgUid)).rejects.toThrow(CorruptRecordError);
  });

  it("trims by length and by age", async () => {
    const byLength = setup({ maxEntries: 10, maxAgeMs: null });
    // MAXLEN ~ trims whole radix-tree nodes (100 entries by default): write well past that.
    for (let i = 0; i < 450; i += 1)
      await byLength.log.append(byLength.orgUid, change(`p${i}@x.test`, "p1"));
    const length = await redis.xlen(createKeys(byLength.keyPrefix).audit(byLength.orgUid));
    expect(length).toBeLessThan(450);

    const byAge = setup({ maxEntries: 1000, maxAgeMs: 24 * 3600_000 });
    for (let i = 0; i < 150; i += 1)
      await byAge.log.append(byAge.orgUid, change(`p${i}@x.test`, "p1"));
    byAge.clock.advance(2 * 24 * 3600_000);
    await byAge.log.append(byAge.orgUid, { kind: "installation-disconnected", actor: sync });
    const left = await redis.xlen(createKeys(byAge.keyPrefix).audit(byAge.orgUid));
    expect(left).toBeLessThan(151);
  });

  it("exports CSV with proper escaping and no spreadsheet formulas", async () => {
    expect(csvCell("plain")).toBe("plain");
    expect(csvCell('say "hi", ok')).toBe('"say ""hi"", ok"');
    expect(csvCell('=HYPERLINK("http://evil")')).toBe('"\'=HYPERLINK(""http://evil"")"');
    expect(csvCell("+1")).toBe("'+1");
    expect(csvCell("-2")).toBe("'-2");
    expect(csvCell("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(csvCell("line\nbreak")).toBe('"line\nbreak"');

    const { log, orgUid } = setup();
    await log.append(orgUid, change("=cmd|' /C calc'!A0@x.test", "p1"));
    await log.append(orgUid, {
      kind: "credential-problem",
      actor: sync,
      problem: "revoked",
      reason: 'invalid_grant, "revoked"',
    });
    const csv = await log.exportCsv(orgUid);
    const lines = csv.split("\r\n");
    expect(lines[0]).toBe("id,time,kind,actor,project,person_email,person_uid,run_id,details");
    expect(lines).toHaveLength(4); // header, two rows, final CRLF
    expect(lines[1]).toContain("credential-problem");
    expect(lines[1]).toContain('""revoked\\""'); // JSON inside a quoted cell, quotes doubled
    expect(lines[2]).toContain(",'=cmd|' /C calc'!A0@x.test,");
    expect(lines[2]).toContain("system:sync");
    expect(auditEntriesToCsv([])).toBe(
      "id,time,kind,actor,project,person_email,person_uid,run_id,details\r\n",
    );
  });
});
