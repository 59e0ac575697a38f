// Full reconcile of 10,000 members across 3 projects (the large-fixture generator's organization),
// through the worker process and its queues: (a) converged, no changes; (b) after 5% of members'
// organization roles were changed in the Contentstack emulator (control API). The first,
// scheduled reconcile converges the world and is not measured.
//
// Figures per measured run:
// - calls: every call both emulators counted (their control planes' call counters), divided by the
//   minimum the plan needs = member listing pages (ceil(shares / 100)) + the project listing + one
//   collaborator listing per project + one write per applied plan step;
// - wall: the job's processing time divided by the rate-limit floor = the time the limits allow
//   for those minimum calls: max(member pages / 10 reads/s, Lytics listings / R) + writes / R, with
//   Contentstack's published 10 reads/s and, since Lytics publishes no limit (api-notes §1.4), R =
//   the budget the worker is configured to respect (LYTICS_RATE_PER_SECOND, 15/s by default, passed
//   to the worker by the bench); the floor at the emulator's 20/s is printed for reference.
import { performance } from "node:perf_hooks";

import { generateLargeFixture } from "@lytics-access/emulators";

import { JOB_NAMES } from "../src/index";
import {
  LIMITS,
  callCounts,
  control,
  largeOrganization,
  must,
  resetCallCounts,
  round1,
  round3,
  spawnWorker,
  startBenchWorld,
  waitForFirstFinished,
  waitForJob,
  workerEnv,
  type CallCounts,
} from "./support/bench-world";
import { target, writeResult, type TargetResult } from "./support/report";

const MEMBERS = 10_000;
const PROJECTS = 3;
const CHANGED_SHARE = 0.05;
const ORG = "blt_org_large";
const ADMIN_ROLE = "blt_role_large_admin";
const MEMBER_ROLE = "blt_role_large_member";

interface ReconcileReturn {
  status: string;
  outcome?: string;
  counts?: {
    invites: number;
    roleChanges: number;
    removals: number;
    drift: number;
    applied: number;
  };
}

const sum = (counts: CallCounts, test: (key: string) => boolean) =>
  Object.entries(counts).reduce((total, [key, n]) => (test(key) ? total + n : total), 0);

/**
 * The Lytics emulator resolves each caller through Contentstack's `GET /v3/user` (as the real
 * Management API must), caching the answer for 3 s: that is the emulator's call, not the worker's.
 */
const EMULATOR_OWN = (key: string) => key === "cs: GET /v3/user";

function classify(all: CallCounts) {
  const counts = Object.fromEntries(Object.entries(all).filter(([key]) => !EMULATOR_OWN(key)));
  const memberPages = sum(counts, (key) => /^cs: GET \/v3\/organizations\/[^/]+\/share$/.test(key));
  const projectListings = sum(counts, (key) => key === "lytics: GET /projects");
  const collaboratorListings = sum(counts, (key) =>
    /^lytics: GET \/projects\/[^/]+\/collaborators$/.test(key),
  );
  const writes = sum(counts, (key) =>
    /^lytics: (POST|PUT|PATCH|DELETE) \/projects\/[^/]+\/collaborators/.test(key),
  );
  const total = sum(counts, () => true);
  return {
    memberPages,
    projectListings,
    collaboratorListings,
    writes,
    other: total - memberPages - projectListings - collaboratorListings - writes,
    total,
    emulatorToEmulator: sum(all, EMULATOR_OWN),
  };
}

async function main(): Promise<void> {
  console.log(
    `Full reconcile: ${MEMBERS.toLocaleString("en-US")} members x ${PROJECTS} projects (generateLargeFixture, seed 1)`,
  );
  const fixture = generateLargeFixture({ members: MEMBERS, projects: PROJECTS, seed: 1 });
  const { org, owner } = largeOrganization(fixture);
  const shares = org.members.length;
  const world = await startBenchWorld({ fixture, orgUid: ORG, owner });
  // Schedules an hour apart: the scheduler's first reconcile (at start) converges the world and
  // nothing else runs meanwhile; the measured runs are "sync now" jobs.
  const worker = await spawnWorker(
    workerEnv(world, {
      SYNC_INTERVAL_MS: "3600000",
      AUDIT_POLL_INTERVAL_MS: "3600000",
      MAX_REMOVAL_SHARE: "1",
    }),
  );
  const queue = world.enqueuer.queues.sync;
  const results: Record<string, unknown>[] = [];
  let converging: unknown[] = [];
  const targets: TargetResult[] = [];
  try {
    // Converge: the scheduled run at start, then "sync now" until a run finds nothing to do. It
    // takes two: the first keeps each project's owner (the generator makes them admin) while the
    // Admins' invitations are still open (the last-admin guard does not count invitations as
    // holders), the second removes them.
    converging = [];
    let warmStart = performance.now();
    let warm = await waitForFirstFinished(queue, JOB_NAMES.reconcile, 600_000);
    for (let run = 1; ; run += 1) {
      const value = warm.returnvalue as ReconcileReturn;
      const seconds = round1((performance.now() - warmStart) / 1000);
      converging.push({ outcome: value.outcome ?? warm.failedReason, plan: value.counts, seconds });
      console.log(
        `  converging run ${run} (not measured): ${value.outcome ?? warm.failedReason} ${JSON.stringify(value.counts ?? {})} in ${seconds} s`,
      );
      if (value.outcome === "no-changes") break;
      if (run === 4) throw new Error("the organization did not converge in 4 runs");
      warmStart = performance.now();
      warm = await waitForJob(
        queue,
        await world.enqueuer.syncNow(ORG, { trigger: "manual" }),
        600_000,
      );
    }

    const measure = async (label: string) => {
      await resetCallCounts(world);
      const id = await world.enqueuer.syncNow(ORG, { trigger: "manual" });
      const job = await waitForJob(queue, id, 900_000);
      const counts = await callCounts(world);
      const value = job.returnvalue as ReconcileReturn;
      if (job.failedReason || !value.counts)
        throw new Error(`${label}: the reconcile failed: ${job.failedReason}`);
      const wallS = ((job.finishedOn ?? 0) - (job.processedOn ?? 0)) / 1000;
      const calls = classify(counts);
      const steps = value.counts.applied;
      const minimum = Math.ceil(shares / LIMITS.contentstackPageSize) + 1 + PROJECTS + steps;
      const listingFloor = (lyticsRate: number) =>
        Math.max(
          Math.ceil(shares / LIMITS.contentstackPageSize) / LIMITS.contentstackReadsPerSecond,
          (1 + PROJECTS) / lyticsRate,
        );
      // The verdict's floor: Contentstack at its published 10 reads/s; Lytics, which publishes no
      // limit, at the budget the worker is configured to respect (LYTICS_RATE_PER_SECOND).
      const floorS =
        listingFloor(LIMITS.lyticsPerSecondConfigured) + steps / LIMITS.lyticsPerSecondConfigured;
      // For reference: what the Lytics emulator would let through (a budget the worker does not use).
      const floorEmulatorS =
        listingFloor(LIMITS.lyticsPerSecondEmulator) + steps / LIMITS.lyticsPerSecondEmulator;
      const callRatio = round3(calls.total / minimum);
      const wallRatio = round3(wallS / floorS);
      console.log(`\n  ${label}: outcome ${value.outcome}, plan ${JSON.stringify(value.counts)}`);
      console.log(
        `  worker calls ${calls.total} (member pages ${calls.memberPages}, project listings ${calls.projectListings}, ` +
          `collaborator listings ${calls.collaboratorListings}, writes ${calls.writes}, other ${calls.other}); minimum ${minimum}; ` +
          `not counted: ${calls.emulatorToEmulator} GET /v3/user of the Lytics emulator resolving the caller`,
      );
      for (const [key, n] of Object.entries(counts).sort())
        console.log(`      ${String(n).padStart(6)}  ${key}`);
      console.log(
        `  wall ${round1(wallS)} s; rate-limit floor ${round1(floorS)} s = max(${Math.ceil(shares / LIMITS.contentstackPageSize)} member pages at Contentstack's published ` +
          `${LIMITS.contentstackReadsPerSecond}/s, ${1 + PROJECTS} Lytics listings at the worker's configured ` +
          `LYTICS_RATE_PER_SECOND=${LIMITS.lyticsPerSecondConfigured}/s) + ${steps} writes at ${LIMITS.lyticsPerSecondConfigured}/s ` +
          `(Lytics publishes no limit); for reference ${round1(floorEmulatorS)} s at the emulator's ${LIMITS.lyticsPerSecondEmulator}/s ` +
          `(ratio ${round3(wallS / floorEmulatorS)})`,
      );
      const figure = {
        label,
        outcome: value.outcome,
        plan: value.counts,
        calls,
        callsByRoute: counts,
        minimumCalls: minimum,
        callRatio,
        wallSeconds: round1(wallS),
        floorSeconds: round1(floorS),
        floorBasis: {
          contentstackReadsPerSecond: LIMITS.contentstackReadsPerSecond,
          lyticsPerSecond: LIMITS.lyticsPerSecondConfigured,
          lyticsBasis: "the worker's configured LYTICS_RATE_PER_SECOND (Lytics publishes no limit)",
        },
        wallRatio,
        floorSecondsAtEmulatorLimit: round1(floorEmulatorS),
        wallRatioAtEmulatorLimit: round3(wallS / floorEmulatorS),
      };
      results.push(figure);
      targets.push(target(`${label}: calls / minimum`, callRatio, "<=", 1.02));
      targets.push(target(`${label}: wall / rate-limit floor`, wallRatio, "<=", 1.2));
    };

    await measure("no changes");

    // 5% of the members change role (Admin <-> Member); Owner, guests and pending invitations are
    // left alone (their roles do not decide project access the same way).
    const eligible = org.members.filter(
      (member) =>
        member.status === "accepted" && !member.guest && member.user_uid !== org.owner_uid,
    );
    const changing = Math.round(MEMBERS * CHANGED_SHARE);
    const stride = eligible.length / changing;
    const chosen = Array.from({ length: changing }, (_, i) =>
      must(eligible[Math.floor(i * stride)], "a member to change"),
    );
    let promoted = 0;
    const queueOfChanges = [...chosen];
    await Promise.all(
      Array.from({ length: 8 }, async () => {
        for (let member = queueOfChanges.shift(); member; member = queueOfChanges.shift()) {
          const toAdmin = !member.org_roles.includes(ADMIN_ROLE);
          if (toAdmin) promoted += 1;
          await control(
            world.emulators.contentstack.url,
            `/organizations/${ORG}/members/${encodeURIComponent(member.email)}/roles`,
            "PUT",
            { org_roles: [toAdmin ? ADMIN_ROLE : MEMBER_ROLE] },
          );
        }
      }),
    );
    console.log(
      `\n  changed ${changing} members' roles in Contentstack: ${promoted} to Admin, ${changing - promoted} to Member`,
    );
    await measure(`${CHANGED_SHARE * 100}% changed`);
  } finally {
    if (worker.problems.length > 0)
      console.log(
        `  the worker logged ${worker.problems.length} warnings/errors; first: ${worker.problems[0]?.slice(0, 400)}`,
      );
    await worker.stop();
    await world.close();
  }
  writeResult("reconcile", {
    members: MEMBERS,
    projects: PROJECTS,
    shares,
    limits: LIMITS,
    converging,
    runs: results,
    targets,
  });
}

await main();
process.exit(0);
