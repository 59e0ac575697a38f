// Printing and recording: every figure next to its target with PASS or MISS (a benchmark reports; it
// never fails the run because a target was missed), and the same figures as JSON in
// bench/results/<name>.json, beside the other workspaces' results.
import { mkdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";

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

export function writeResult(name: string, figures: Record<string, unknown>): string {
  const out = path.join(import.meta.dirname, "..", "results");
  mkdirSync(out, { recursive: true });
  const file = path.join(out, `${name}.json`);
  writeFileSync(
    file,
    `${JSON.stringify(
      {
        at: new Date().toISOString(),
        node: process.version,
        cores: os.availableParallelism(),
        loadAverage: os.loadavg().map((n) => Math.round(n * 10) / 10),
        ...figures,
      },
      null,
      2,
    )}\n`,
  );
  console.log(`  written to ${path.relative(process.cwd(), file)}`);
  return file;
}
