// Printing and recording: every figure next to its target with PASS or MISS (a benchmark reports; it
// never fails the run because a target was missed), and the same figures as JSON in the
// repository root's bench/results/worker-<name>.json, beside the other workspaces' results
// (scripts/lib/bench-results.ts, which adds when, Node, cores and load).
import { writeBenchResult } from "../../../../scripts/lib/bench-results";
export interface TargetResult {
  readonly name: string;
  readonly value: number;
  readonly comparison: "<=" | "<";
  readonly target: number;
  readonly unit: string;
  readonly met: boolean;
}

export function target(
  name: string,
  value: number,
  comparison: "<=" | "<",
  limit: number,
  unit = "",
): TargetResult {
  const met = Number.isFinite(value) && (comparison === "<=" ? value <= limit : value < limit);
  const result = { name, value, comparison, target: limit, unit, met };
  console.log(
    `  ${met ? "PASS" : "MISS"}  ${name.padEnd(64)} ${String(value).padStart(9)}${unit}  (target ${comparison} ${limit}${unit})`,
  );
  return result;
}

/** Writes `bench/results/worker-<name>.json` at the repository root; returns its path. */
export function writeResult(name: string, figures: Record<string, unknown>): string {
  return writeBenchResult(`worker-${name}`, figures);
}
