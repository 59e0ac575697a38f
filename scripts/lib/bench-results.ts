// Where every workspace's benchmark leaves its figures: one JSON file per benchmark in the
// repository root's bench/results/ (git-ignored), whichever workspace it runs from, so that one
// `npm run bench` leaves every figure in one folder. Benchmarks import this file by its relative
// path; it needs nothing but Node, so it adds no dependency to the workspace that uses it.
import { mkdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";

/** The root's bench/results/, found from this file's own place in the repository. */
export const BENCH_RESULTS_DIR = path.resolve(import.meta.dirname, "..", "..", "bench", "results");

/**
 * Writes `figures` to bench/results/<name>.json (name it after the workspace and the benchmark:
 * `permissions-decisions`), with when, on which Node, on how many cores and under what load they
 * were taken, since a figure from a busy machine says little on its own. A `loadAverage` in
 * `figures` replaces the one taken here. Returns the file's path and prints where it went.
 */
export function writeBenchResult(name: string, figures: Record<string, unknown>): string {
  if (!/^[a-z0-9][a-z0-9-]*$/.test(name))
    throw new Error(`bench result name "${name}" is not kebab-case`);
  mkdirSync(BENCH_RESULTS_DIR, { recursive: true });
  const file = path.join(BENCH_RESULTS_DIR, `${name}.json`);
  const record = {
    at: new Date().toISOString(),
    node: process.version,
    cores: os.availableParallelism(),
    loadAverage: os.loadavg().map((n) => Math.round(n * 10) / 10),
    ...figures,
  };
  writeFileSync(file, `${JSON.stringify(record, null, 2)}\n`);
  console.log(`Written to ${path.relative(process.cwd(), file)}`);
  return file;
}
