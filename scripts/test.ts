// `npm test`: every check and every suite, then one totals line for CI: `N passed, N failed`.
// Order: static checks (typecheck, lint, formatting, the web app's build), the vitest projects (unit + integration against a real
// redis-server and the emulators), then the Playwright suites when e2e/ exists.
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const resultsDir = path.join(root, ".cache", "test-results");
const bin = (name: string) => path.join(root, "node_modules", ".bin", name);

interface Tally {
  passed: number;
  failed: number;
  skipped: number;
}

const total: Tally = { passed: 0, failed: 0, skipped: 0 };
const env: NodeJS.ProcessEnv = {
  ...process.env,
  TURBO_TELEMETRY_DISABLED: "1",
  TURBO_NO_UPDATE_NOTIFIER: "1",
};
// Logs read by CI should be plain text; a person at a terminal keeps the colours.
if (!process.stdout.isTTY) env.NO_COLOR = "1";

function run(command: string, args: string[]): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: root, stdio: "inherit", env });
    child.on("exit", (code, signal) => resolve(code ?? (signal ? 1 : 0)));
    child.on("error", () => resolve(1));
  });
}

/** A static check counts as one test: it passes or it fails as a whole. */
async function staticCheck(name: string): Promise<void> {
  console.log(`\n── ${name} ──`);
  const code = await run("npm", ["run", name, "--silent"]);
  if (code === 0) total.passed += 1;
  else {
    total.failed += 1;
    console.error(`✗ ${name} failed (exit ${code})`);
  }
}

async function vitest(): Promise<void> {
  console.log("\n── vitest (all workspaces) ──");
  const report = path.join(resultsDir, "vitest.json");
  const code = await run(bin("vitest"), [
    "run",
    "--reporter=default",
    "--reporter=json",
    `--outputFile.json=${report}`,
  ]);
  const tally = readVitestReport(report);
  if (!tally) {
    console.error(`✗ vitest wrote no report (exit ${code})`);
    total.failed += 1;
    return;
  }
  total.passed += tally.passed;
  total.failed += tally.failed;
  total.skipped += tally.skipped;
  // A crashed worker or a failing suite import shows up only in the exit code.
  if (code !== 0 && tally.failed === 0) total.failed += 1;
}

function readVitestReport(file: string): Tally | undefined {
  if (!existsSync(file)) return undefined;
  const report = JSON.parse(readFileSync(file, "utf8")) as {
    numPassedTests: number;
    numFailedTests: number;
    numPendingTests: number;
    numTodoTests: number;
  };
  return {
    passed: report.numPassedTests,
    failed: report.numFailedTests,
    skipped: report.numPendingTests + report.numTodoTests,
  };
}

async function playwright(): Promise<void> {
  const config = path.join(root, "e2e", "playwright.config.ts");
  if (!existsSync(config)) return;
  console.log("\n── playwright (e2e) ──");
  const report = path.join(resultsDir, "playwright.json");
  const code = await new Promise<number>((resolve) => {
    // The config's reporters: list, json (to PLAYWRIGHT_JSON_OUTPUT_NAME, counted below) and the
    // HTML report kept with the traces and screenshots of failures under .cache/e2e/.
    const child = spawn(bin("playwright"), ["test", "--config", config], {
      cwd: root,
      stdio: "inherit",
      env: { ...env, PLAYWRIGHT_JSON_OUTPUT_NAME: report },
    });
    child.on("exit", (exitCode) => resolve(exitCode ?? 1));
  });
  if (!existsSync(report)) {
    total.failed += 1;
    return;
  }
  const stats = (
    JSON.parse(readFileSync(report, "utf8")) as {
      stats: { expected: number; unexpected: number; flaky: number; skipped: number };
    }
  ).stats;
  total.passed += stats.expected + stats.flaky;
  total.failed += stats.unexpected;
  total.skipped += stats.skipped;
  if (code !== 0 && stats.unexpected === 0) total.failed += 1;
}

rmSync(resultsDir, { recursive: true, force: true });
mkdirSync(resultsDir, { recursive: true });
await staticCheck("typecheck");
await staticCheck("lint");
await staticCheck("format:check");
// The web app's production build: a check of its own, and what `npm start`'s test serves.
await staticCheck("build");
await vitest();
await playwright();

console.log(
  `\n${total.passed} passed, ${total.failed} failed${total.skipped ? `, ${total.skipped} skipped` : ""}`,
);
process.exit(total.failed > 0 ? 1 : 0);
