// `npm run bench -w @lytics-access/worker`: the sync benchmarks one after another, each in its own
// process (its own emulators, redis-server and worker), so one's load and memory never colour
// another's figures. A missed target is reported, not a failure; a benchmark that crashes is.
// `tsx bench/run-benches.ts reconcile` runs one.
import { spawnSync } from "node:child_process";

const BENCHES = ["reconcile", "propagation", "memory"] as const;
const wanted = process.argv.slice(2);
let crashed = 0;
for (const name of BENCHES.filter((bench) => wanted.length === 0 || wanted.includes(bench))) {
  console.log("");
  const result = spawnSync(process.execPath, ["--import", "tsx", `${name}.bench.ts`], {
    cwd: import.meta.dirname,
    stdio: "inherit",
  });
  if (result.status !== 0) {
    crashed += 1;
    console.log(`  ${name} benchmark crashed (exit ${result.status ?? result.signal})`);
  }
}
process.exit(crashed > 0 ? 1 : 0);
