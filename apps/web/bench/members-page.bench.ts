// `npm run bench`: the Members page's query at 10,000 members (issue 11: the page stays fast with a
// 10,000-member organization). A private redis-server holds a 10,000-person member directory as
// the worker writes it; each figure is the server side of one page request: the store's query
// (meta GET, filter of the cached index, HMGET of the page's rows) and the rows turned into what
// the browser gets. "cold" is a web replica's first request after the snapshot changed (it reads
// and parses the index), "warm" every later one. Prints p50/p95 per case and writes
// bench/results/web-members-page.json. Figures are reported, never a failure.
import { performance } from "node:perf_hooks";

import { startRedisServer } from "@lytics-access/redis-server";
import {
  closeStoreRedis,
  createMemberDirectoryStore,
  createStoreRedis,
  type DirectoryQuery,
  type DirectoryRow,
} from "@lytics-access/store";

import { writeBenchResult } from "../../../scripts/lib/bench-results";
import { memberRowView } from "../src/lib/server/members/member-view";

const MEMBERS = 10_000;
const PROJECTS = 5;
const WARM_RUNS = 200;
const COLD_RUNS = 20;
const ORG = "blt_org_bench";
const projects = Array.from({ length: PROJECTS }, (_, i) => ({
  uid: `P${i}`,
  name: `Project ${i}`,
}));
const STATUSES = ["in-sync", "in-sync", "in-sync", "out-of-sync", "pending"] as const;

function row(i: number): DirectoryRow {
  const n = String(i).padStart(5, "0");
  const orgRole = i === 0 ? "owner" : i % 50 === 0 ? "admin" : i % 10 === 7 ? "guest" : "member";
  const level =
    orgRole === "owner"
      ? "admin"
      : orgRole === "admin"
        ? "editor"
        : orgRole === "guest"
          ? "restricted"
          : i % 3 === 0
            ? "audience-manager"
            : null;
  const on = projects.filter(
    (_, p) => (i + p) % 4 === 0 || orgRole === "owner" || orgRole === "admin",
  );
  return {
    key: `blt_user_${n}`,
    uid: `blt_user_${n}`,
    email: `person-${n}@acme.test`,
    name: `Person ${n}`,
    orgRole,
    invitation: "accepted",
    level,
    grantedLevel: orgRole === "member" ? level : null,
    projects: on.map((p) => ({
      projectUid: p.uid,
      projectName: p.name,
      desired: ["segment_manager"],
      actual: i % 5 === 3 ? null : ["segment_manager"],
      invited: false,
      sources: [
        {
          kind: "member-level",
          rule: "desired.member-level",
          roles: ["segment_manager"],
          reason: "Member with access level Audience Manager (policy v1).",
        },
      ],
    })),
    status: STATUSES[i % STATUSES.length] ?? "in-sync",
    statusReasons:
      i % 5 === 3 ? ["Project 0: has no access in Lytics, should have Audience Manager."] : [],
  };
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
const ms = (n: number) => Math.round(n * 100) / 100;

const FIRST_PAGE: DirectoryQuery = { page: 1, pageSize: 25 };
const CASES: { name: string; query: DirectoryQuery }[] = [
  { name: "first page, no filter", query: FIRST_PAGE },
  { name: "last page, 50 per page", query: { page: 200, pageSize: 50 } },
  { name: "search by email fragment", query: { search: "person-0123" } },
  { name: "member + out of sync", query: { orgRole: "member", status: "out-of-sync" } },
  { name: "project + level none", query: { project: "P3", level: "none" } },
  { name: "a Member's own row", query: { keys: ["blt_user_04242"] } },
];

const server = await startRedisServer();
const redis = createStoreRedis(server.url);
try {
  const writer = createMemberDirectoryStore({ redis, keyPrefix: "bench" });
  const rows = Array.from({ length: MEMBERS }, (_, i) => row(i));
  let started = performance.now();
  await writer.replace(ORG, {
    rows,
    readAt: Date.now(),
    runId: "run-bench",
    policyVersion: 1,
    projects,
  });
  const replaceMs = performance.now() - started;
  started = performance.now();
  await writer.upsert(ORG, { rows: [row(4242)], runId: "people-bench" });
  const upsertMs = performance.now() - started;
  const indexBytes = await redis.strlen(`bench:{org:${ORG}}:member-directory:index`);
  const rowsBytes = Number(
    await redis.call("MEMORY", "USAGE", `bench:{org:${ORG}}:member-directory:rows`),
  );

  const results: Record<string, { p50: number; p95: number; matching: number; rows: number }> = {};
  const request = async (
    store: ReturnType<typeof createMemberDirectoryStore>,
    query: DirectoryQuery,
  ) => {
    const t0 = performance.now();
    const page = await store.query(ORG, query);
    const view = page?.rows.map(memberRowView) ?? [];
    return { elapsed: performance.now() - t0, matching: page?.matching ?? 0, rows: view.length };
  };

  // Cold: a fresh replica (no cached index) for each request.
  const cold: number[] = [];
  for (let i = 0; i < COLD_RUNS; i += 1)
    cold.push(
      (await request(createMemberDirectoryStore({ redis, keyPrefix: "bench" }), FIRST_PAGE))
        .elapsed,
    );
  cold.sort((a, b) => a - b);
  results["cold: first request of a replica after a write"] = {
    p50: ms(percentile(cold, 50)),
    p95: ms(percentile(cold, 95)),
    matching: MEMBERS,
    rows: 25,
  };

  const reader = createMemberDirectoryStore({ redis, keyPrefix: "bench" });
  await request(reader, {});
  for (const { name, query } of CASES) {
    const times: number[] = [];
    let last = { matching: 0, rows: 0 };
    for (let i = 0; i < WARM_RUNS; i += 1) {
      const r = await request(reader, query);
      times.push(r.elapsed);
      last = r;
    }
    times.sort((a, b) => a - b);
    results[`warm: ${name}`] = {
      p50: ms(percentile(times, 50)),
      p95: ms(percentile(times, 95)),
      matching: last.matching,
      rows: last.rows,
    };
  }

  console.log(`Members page query, ${MEMBERS} members, ${PROJECTS} projects (ms per request)`);
  console.table(results);
  console.log(
    `replace (full reconcile write): ${ms(replaceMs)} ms; upsert one person: ${ms(upsertMs)} ms; index ${Math.round(indexBytes / 1000)} KB; rows hash ${Math.round(rowsBytes / 1000)} KB`,
  );
  writeBenchResult("web-members-page", {
    members: MEMBERS,
    projects: PROJECTS,
    warmRuns: WARM_RUNS,
    coldRuns: COLD_RUNS,
    cases: results,
    writeMs: { replace: ms(replaceMs), upsertOne: ms(upsertMs) },
    bytes: { index: indexBytes, rowsHash: rowsBytes },
  });
} finally {
  await closeStoreRedis(redis);
  await server.stop();
}
