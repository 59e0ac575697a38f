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
import { performance } from "node:perf_hooks";

import { generateLargeFixture } from "@lytics-access/emulators";

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
import { target, writeResult } from "./support/report";

const MEMBERS = 100_000;
const PROJECTS = 3;
const ORG = "blt_org_large";

interface ReconcileReturn {
  outcome?: string;
  counts?: Record<string, number>;
}

async function main(): Promise<void> {
  console.log(
    `Worker memory: full reconcile of ${MEMBERS.toLocaleString("en-US")} members x ${PROJECTS} projects (generateLargeFixture, seed 1)`,
  );
  const fixture = generateLargeFixture({ members: MEMBERS, projects: PROJECTS, seed: 1 });
  const { owner } = largeOrganization(fixture);
  const world = await startBenchWorld({ fixture, orgUid: ORG, owner });
  const started = performance.now();
  const worker = await spawnWorker(workerEnv(world));
  const samples: { s: number; rssMb: number; hwmMb: number }[] = [];
  const heap: { s: number; heapUsedMb: number; heapTotalMb: number }[] = [];
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
  const peakRss = Math.max(...samples.map((sample) => sample.rssMb));
  const hwm = Math.max(...samples.map((sample) => sample.hwmMb));
  const peakHeap = Math.max(...heap.map((sample) => sample.heapUsedMb));
  console.log(
    `  run: ${outcome} ${JSON.stringify(counts)} in ${runSeconds} s; ${samples.length} RSS samples, ${heap.length} heap samples`,
  );
  console.log(
    `  RSS at ready ${idleRssMb} MB, peak sampled ${peakRss} MB, VmHWM ${hwm} MB; heap used peak ${peakHeap} MB (sampled every 1 s)`,
  );
  const targets = [target("worker peak RSS (VmHWM) at 100,000 members (MB)", hwm, "<", 300, " MB")];
  writeResult("memory", {
    members: MEMBERS,
    projects: PROJECTS,
    outcome,
    plan: counts,
    runSeconds,
    idleRssMb,
    peakRssMb: peakRss,
    vmHwmMb: hwm,
    peakHeapUsedMb: peakHeap,
    samples: samples.filter((_, i) => i % 4 === 0),
    heap,
    targets,
  });
}

await main();
process.exit(0);
