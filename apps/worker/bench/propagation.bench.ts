// Propagation latency: from a membership change in the Contentstack emulator (an organization role
// change through its control API, which writes the audit-log item as the real service would) to the
// change visible in the Lytics emulator's store view, with the worker process on its default 5 s
// audit-log poll. The world is the default fixture's Acme organization, as `npm start` runs it.
//
// 100 changes: 50 people promoted from Member to Admin (the sync invites them to both projects) and
// 50 demoted from Admin to Member (the sync removes them from both), all distinct people added to
// the default fixture's Acme for this, so no change depends on another and no plan repeats an
// earlier one (see "repeat" below). They go out in pairs (one up, one down), a pair every 2 s plus
// a random 0-2 s, without waiting for earlier pairs to land: the sends fall at every phase of the
// 5 s poll instead of locking onto it (waiting for each change before sending the next would start
// every change just after a poll, and measure almost the whole interval each time), and 100 changes
// take under 2 minutes. Changes that arrive between two polls are coalesced into one targeted sync,
// as a burst would be. Each change's latency runs from just before its role change is sent until
// the person's expected state shows on every project of the organization (the Lytics store view,
// read every 100 ms).
//
// Repeat: the same person promoted, demoted and promoted again, one change at a time. The engine
// skips a step whose plan id and step id it has marked done (for a day), so a plan identical to an
// earlier one is not applied again; the third change is exactly that case.
//
// Settings are the worker's defaults (5 s poll, 5 min full reconcile) but MAX_REMOVAL_SHARE=1, as in
// the end-to-end test: the default fixture's first reconcile removes about half of Acme's Lytics
// users (Members without a grant), which the default 20% guard would hold for an Owner's approval.
import { performance } from "node:perf_hooks";

import { loadFixture, type Fixture } from "@lytics-access/emulators";

import { LOCAL_ACME, JOB_NAMES } from "../src/index";
import {
  control,
  lyticsStore,
  must,
  round1,
  sleep,
  spawnWorker,
  startBenchWorld,
  waitForFirstFinished,
  workerEnv,
} from "./support/bench-world";
import { target, writeResult } from "./support/report";

const CHANGES = 100;
const POLL_INTERVAL_MS = 5_000;
const ORG = LOCAL_ACME.orgUid;
const ADMIN_ROLE = "blt_role_acme_admin";
const MEMBER_ROLE = "blt_role_acme_member";
/** People added for the bench: Members to promote, Admins to demote. */
const UP = Array.from(
  { length: CHANGES / 2 },
  (_, i) => `bench.up${String(i).padStart(3, "0")}@acme.test`,
);
const DOWN = Array.from(
  { length: CHANGES / 2 },
  (_, i) => `bench.down${String(i).padStart(3, "0")}@acme.test`,
);
const EXTRA = [...UP, ...DOWN];

/** mulberry32, as the other benches: the same pauses every run. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const percentile = (sorted: readonly number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;

async function main(): Promise<void> {
  console.log(
    `Propagation latency: ${CHANGES} role changes in Contentstack -> Lytics, pairs every 2-4 s, audit poll every ${POLL_INTERVAL_MS / 1000} s (default)`,
  );
  const base = loadFixture();
  const fixture: Fixture = {
    ...base,
    people: [
      ...base.people,
      ...EXTRA.map((email, i) => ({
        uid: `blt_user_bench${i}`,
        email,
        first_name: "Bench",
        last_name: `Person ${i}`,
      })),
    ],
    organizations: base.organizations.map((org) =>
      org.uid !== ORG
        ? org
        : {
            ...org,
            members: [
              ...org.members,
              ...EXTRA.map((email, i) => ({
                uid: `blt_share_bench${i}`,
                email,
                user_uid: `blt_user_bench${i}`,
                org_roles: [DOWN.includes(email) ? ADMIN_ROLE : MEMBER_ROLE],
                status: "accepted" as const,
                guest: false,
                invited_at: "2026-01-01T00:00:00.000Z",
              })),
            ],
          },
    ),
  };
  const world = await startBenchWorld({ fixture, orgUid: ORG, owner: LOCAL_ACME.owner });
  const worker = await spawnWorker(workerEnv(world, { MAX_REMOVAL_SHARE: "1" }));
  const latenciesMs: number[] = [];
  const timeouts: string[] = [];
  const repeat: { change: number; toAdmin: boolean; seconds: number | null }[] = [];
  const started = performance.now();
  try {
    // The scheduled first reconcile and the first poll (which sets the audit cursor) at start.
    await waitForFirstFinished(world.enqueuer.queues.sync, JOB_NAMES.reconcile, 60_000);
    await waitForFirstFinished(world.enqueuer.queues.audit, JOB_NAMES.pollAuditLog, 60_000);
    const projects = (await lyticsStore(world))
      .filter((account) => account.organizationUid === ORG)
      .map((a) => a.aid);
    const before = (await lyticsStore(world)).filter((account) => projects.includes(account.aid));
    const misplaced = EXTRA.filter(
      (email) =>
        !before.every(
          (account) => account.users.some((user) => user.email === email) === DOWN.includes(email),
        ),
    );
    if (misplaced.length > 0)
      throw new Error(`the first reconcile did not converge: ${misplaced.slice(0, 5).join(", ")}`);
    const pause = random(9);
    const wait = async (expected: Map<string, boolean>, sentAt: number, timeoutMs: number) => {
      const seen = new Map<string, number>();
      const deadline = performance.now() + timeoutMs;
      while (seen.size < expected.size && performance.now() < deadline) {
        const accounts = (await lyticsStore(world)).filter((account) =>
          projects.includes(account.aid),
        );
        const now = performance.now();
        for (const [email, present] of expected)
          if (
            !seen.has(email) &&
            accounts.every(
              (account) => account.users.some((user) => user.email === email) === present,
            )
          )
            seen.set(email, now - sentAt);
        if (seen.size < expected.size) await sleep(100);
      }
      return seen;
    };
    const setRole = (email: string, toAdmin: boolean) =>
      control(
        world.emulators.contentstack.url,
        `/organizations/${ORG}/members/${encodeURIComponent(email)}/roles`,
        "PUT",
        {
          org_roles: [toAdmin ? ADMIN_ROLE : MEMBER_ROLE],
        },
      );
    // Every change: its person, the expected presence in Lytics and when it was sent.
    const outstanding = new Map<string, { present: boolean; sentAt: number }>();
    let sending = true;
    const watcher = (async () => {
      while (sending || outstanding.size > 0) {
        const accounts = (await lyticsStore(world)).filter((account) =>
          projects.includes(account.aid),
        );
        const now = performance.now();
        for (const [email, change] of outstanding) {
          if (
            accounts.every(
              (account) => account.users.some((user) => user.email === email) === change.present,
            )
          ) {
            latenciesMs.push(now - change.sentAt);
            outstanding.delete(email);
          } else if (now - change.sentAt > 60_000) {
            timeouts.push(email);
            outstanding.delete(email);
          }
        }
        await sleep(100);
      }
    })();
    const firstSend = performance.now();
    for (let pair = 0; pair < CHANGES / 2; pair += 1) {
      const due = firstSend + pair * 2_000 + pause() * 2_000;
      await sleep(Math.max(0, due - performance.now()));
      const changes: [string, boolean][] = [
        [must(UP[pair], "a Member to promote"), true],
        [must(DOWN[pair], "an Admin to demote"), false],
      ];
      await Promise.all(
        changes.map(async ([email, toAdmin]) => {
          outstanding.set(email, { present: toAdmin, sentAt: performance.now() });
          await setRole(email, toAdmin);
        }),
      );
      if ((pair + 1) % 10 === 0)
        console.log(
          `  ${(pair + 1) * 2} changes sent, ${latenciesMs.length} seen in Lytics, ${round1((performance.now() - started) / 1000)} s`,
        );
    }
    sending = false;
    await watcher;
    // Repeat: the same person promoted, demoted and promoted again, one change at a time. The
    // third change's plan is the first one's, step for step.
    const again = must(UP[0], "a promoted person"); // an Admin now
    for (const [index, toAdmin] of [false, true, false].entries()) {
      const sentAt = performance.now();
      await setRole(again, toAdmin);
      const ms = (await wait(new Map([[again, toAdmin]]), sentAt, 20_000)).get(again);
      repeat.push({
        change: index + 1,
        toAdmin,
        seconds: ms === undefined ? null : Math.round(ms / 10) / 100,
      });
    }
    console.log(
      `  repeat (demote, promote, demote ${again}): ${repeat.map((r) => (r.seconds === null ? "not seen in 20 s" : `${r.seconds} s`)).join(", ")}`,
    );
  } finally {
    if (worker.problems.length > 0)
      console.log(
        `  the worker logged ${worker.problems.length} warnings/errors; first: ${worker.problems[0]?.slice(0, 400)}`,
      );
    await worker.stop();
    await world.close();
  }
  const sorted = [...latenciesMs].sort((a, b) => a - b);
  const seconds = (ms: number) => Math.round(ms / 10) / 100;
  const figures = {
    p50: seconds(percentile(sorted, 50)),
    p95: seconds(percentile(sorted, 95)),
    p99: seconds(percentile(sorted, 99)),
    min: seconds(sorted[0] ?? NaN),
    max: seconds(sorted.at(-1) ?? NaN),
    mean: seconds(sorted.reduce((a, b) => a + b, 0) / Math.max(1, sorted.length)),
  };
  console.log(
    `  ${sorted.length} changes seen in Lytics, ${timeouts.length} not within 60 s; ` +
      `p50 ${figures.p50} s, p95 ${figures.p95} s, p99 ${figures.p99} s (min ${figures.min}, mean ${figures.mean}, max ${figures.max}); ` +
      `${round1((performance.now() - started) / 1000)} s in all`,
  );
  const targets = [
    target("propagation p95 (s)", figures.p95, "<=", POLL_INTERVAL_MS / 1000 + 1, " s"),
    target("changes not seen in Lytics within 60 s", timeouts.length, "<=", 0),
    target(
      "repeat: 3rd change (same plan as the 1st) seen in Lytics (s)",
      repeat[2]?.seconds ?? Infinity,
      "<=",
      POLL_INTERVAL_MS / 1000 + 1,
      " s",
    ),
  ];
  writeResult("propagation", {
    changes: CHANGES,
    sendSchedule:
      "a pair (one up, one down) every 2 s + random 0-2 s, not waiting for earlier pairs",
    pollIntervalMs: POLL_INTERVAL_MS,
    organization: ORG,
    secondsPercentiles: figures,
    latenciesMs: latenciesMs.map((ms) => Math.round(ms)),
    timeouts,
    repeat,
    targets,
  });
}

await main();
process.exit(0);
