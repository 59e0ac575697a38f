// Worker memory at 100,000 members: the worker process (src/main.ts, spawned) runs its scheduled
// full reconcile of a 100,000-member organization with 3 projects (generateLargeFixture, seed 1)
// against the emulators with their published rate limits, settings at their defaults. The bench
// samples the worker's /proc/<pid>/status (VmRSS, and VmHWM, the kernel's peak) every 250 ms and
// its heap from /metrics (prom-client's default metrics) every second, from start until the run
// finishes.
//
// What the run does: it reads all 1,000 member pages (the listing alone takes 100+ s at 10 reads/s)
// and every project's collaborators, builds the whole plan and checks it. The generator's projects
// have 50 random collaborators each, most of them plain Members without a grant, so the plan removes
// most of them: far above the default 20% removal share, so the plan is held for an Owner (stored
// whole in Redis) and nothing is written. That is the worker's real first run on such an
// organization, and the point where its memory peaks (every member, every collaborator, the desired
// state and the plan at once); applying the ~6,000 steps would add ~11 minutes of writes at the
// Lytics pace and holds one step at a time.
//
// Then the steady state, what the worker does every 5 minutes from then on: a fresh world whose
// Lytics projects already hold what that first plan would have made (its steps applied to the
// fixture, `convergedFixture`), and a fresh worker's first full reconcile of it, which finds nothing
// to change (the same 1,000 member pages and the collaborators, the converged roles recorded).
import { performance } from "node:perf_hooks";

import { generateLargeFixture, type Fixture } from "@lytics-access/emulators";
import { closeStoreRedis, createHeldPlansStore, createStoreRedis } from "@lytics-access/store";
import type { Plan } from "@lytics-access/sync";

import { JOB_NAMES } from "../src/index";
import {
  largeOrganization,
  metricsHeap,
  procMemory,
  round1,
  sleep,
  spawnWorker,
  startBenchWorld,
  waitForFirstFinished,
  workerEnv,
} from "./support/bench-world";
import { convergedFixture } from "./support/converged-fixture";
import { target, writeResult } from "./support/report";

const MEMBERS = 100_000;
const PROJECTS = 3;
const ORG = "blt_org_large";

interface ReconcileReturn {
  outcome?: string;
  counts?: Record<string, number>;
}

interface Measured {
  outcome: string;
  counts: Record<string, number>;
  runSeconds: number;
  idleRssMb: number;
  peakRssMb: number;
  vmHwmMb: number;
  peakHeapUsedMb: number;
  samples: { s: number; rssMb: number; hwmMb: number }[];
  heap: { s: number; heapUsedMb: number; heapTotalMb: number }[];
  /** The plan the run held, read from the store before the world closed. */
  heldPlan: Plan | null;
}

/** A fresh world on `fixture`, a spawned worker, and its memory through its first full reconcile. */
async function measureFirstReconcile(
  fixture: Fixture,
  owner: { uid: string; email: string },
): Promise<Measured> {
  const world = await startBenchWorld({ fixture, orgUid: ORG, owner });
  const started = performance.now();
  const worker = await spawnWorker(workerEnv(world));
  const samples: Measured["samples"] = [];
  const heap: Measured["heap"] = [];
  let idleRssMb = NaN;
  let finished = false;
  const at = () => round1((performance.now() - started) / 1000);
  const sampler = (async () => {
    let tick = 0;
    while (!finished) {
      const memory = procMemory(worker.pid);
      if (memory) samples.push({ s: at(), ...memory });
      if (tick % 4 === 0) {
        const h = await metricsHeap(worker.httpUrl);
        if (h) heap.push({ s: at(), ...h });
      }
      tick += 1;
      await sleep(250);
    }
  })();
  let outcome = "unknown";
  let counts: Record<string, number> = {};
  let runSeconds = NaN;
  let heldPlan: Plan | null = null;
  try {
    idleRssMb = procMemory(worker.pid)?.rssMb ?? NaN;
    const job = await waitForFirstFinished(
      world.enqueuer.queues.sync,
      JOB_NAMES.reconcile,
      480_000,
    );
    const value = job.returnvalue as ReconcileReturn | null;
    outcome = value?.outcome ?? `failed: ${job.failedReason}`;
    counts = value?.counts ?? {};
    runSeconds = round1(((job.finishedOn ?? 0) - (job.processedOn ?? 0)) / 1000);
    await sleep(1000);
    if (outcome === "held") {
      const redis = createStoreRedis(world.redis.url);
      try {
        const held = await createHeldPlansStore({ redis }).list(ORG);
        heldPlan = (held.at(-1)?.plan as Plan | undefined) ?? null;
      } finally {
        await closeStoreRedis(redis);
      }
    }
  } finally {
    finished = true;
    await sampler;
    if (worker.problems.length > 0)
      console.log(
        `  the worker logged ${worker.problems.length} warnings/errors; first: ${worker.problems[0]?.slice(0, 400)}`,
      );
    await worker.stop();
    await world.close();
  }
  const measured: Measured = {
    outcome,
    counts,
    runSeconds,
    idleRssMb,
    peakRssMb: Math.max(...samples.map((sample) => sample.rssMb)),
    vmHwmMb: Math.max(...samples.map((sample) => sample.hwmMb)),
    peakHeapUsedMb: Math.max(...heap.map((sample) => sample.heapUsedMb)),
    samples,
    heap,
    heldPlan,
  };
  console.log(
    `  run: ${outcome} ${JSON.stringify(counts)} in ${runSeconds} s; ${samples.length} RSS samples, ${heap.length} heap samples`,
  );
  console.log(
    `  RSS at ready ${idleRssMb} MB, peak sampled ${measured.peakRssMb} MB, VmHWM ${measured.vmHwmMb} MB; heap used peak ${measured.peakHeapUsedMb} MB (sampled every 1 s)`,
  );
  return measured;
}

/** What the result file keeps of a measurement: the figures, every fourth RSS sample. */
const figures = ({ heldPlan: _plan, counts, samples, ...rest }: Measured) => ({
  ...rest,
  plan: counts,
  samples: samples.filter((_, i) => i % 4 === 0),
});

async function main(): Promise<void> {
  console.log(
    `Worker memory: full reconcile of ${MEMBERS.toLocaleString("en-US")} members x ${PROJECTS} projects (generateLargeFixture, seed 1)`,
  );
  const fixture = generateLargeFixture({ members: MEMBERS, projects: PROJECTS, seed: 1 });
  const { owner } = largeOrganization(fixture);
  console.log("  first run (its plan is held for an Owner):");
  const first = await measureFirstReconcile(fixture, owner);
  const targets = [
    target("worker peak RSS (VmHWM) at 100,000 members (MB)", first.vmHwmMb, "<", 300, " MB"),
  ];
  let steady: Measured | null = null;
  if (first.heldPlan) {
    console.log("  steady state (a converged world, a fresh worker; nothing to change):");
    steady = await measureFirstReconcile(convergedFixture(fixture, first.heldPlan), owner);
    targets.push(
      target(
        "worker peak RSS (VmHWM), steady-state reconcile at 100,000 (MB)",
        steady.vmHwmMb,
        "<",
        300,
        " MB",
      ),
    );
  } else console.log(`  steady state not measured: the first run was ${first.outcome}, not held`);
  writeResult("memory", {
    members: MEMBERS,
    projects: PROJECTS,
    ...figures(first),
    steadyState: steady ? figures(steady) : null,
    targets,
  });
}

await main();
process.exit(0);
