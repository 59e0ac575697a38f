#!/usr/bin/env node
// The entry point of the README's commands. It needs nothing but Node: it installs the npm
// dependencies and the system programs a target needs, then hands over to the TypeScript scripts.
//   node scripts/run.mjs start|test|bench|emulators [args...]
import { spawn } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";

import { ensureNodeDependencies } from "./lib/dependencies.mjs";
import { CHROMIUM, REDIS, ensureSystemProgram } from "./lib/system-deps.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const [target, ...rest] = process.argv.slice(2);

const TARGETS = {
  start: { script: "scripts/start.ts", needs: () => (process.env.REDIS_URL ? [] : [REDIS]) },
  emulators: { script: "packages/emulators/src/main.ts", needs: () => [] },
  test: { script: "scripts/test.ts", needs: () => [REDIS, CHROMIUM] },
  bench: { script: "scripts/bench.ts", needs: () => [REDIS] },
};

const chosen = TARGETS[target];
if (!chosen) {
  console.error(`usage: node scripts/run.mjs <${Object.keys(TARGETS).join("|")}> [args...]`);
  process.exit(2);
}

ensureNodeDependencies(root);
const env = { ...process.env };
for (const program of chosen.needs()) {
  const found = ensureSystemProgram(program);
  if (program === REDIS) env.REDIS_SERVER_BIN = found;
  if (program === CHROMIUM) env.CHROMIUM_PATH = found;
}

const tsx = path.join(root, "node_modules", ".bin", "tsx");
const child = spawn(tsx, [chosen.script, ...rest], { cwd: root, stdio: "inherit", env });
// Forward termination so the launcher can shut its children down in order. npm passes SIGINT and
// SIGTERM on to its direct child only; the package.json scripts `exec` this file so that the child
// is us, not a `sh -c` that would die (SIGTERM) or sit still (SIGINT) without passing them on.
for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"]) process.on(signal, () => child.kill(signal));
// And if whatever started us dies without a word (SIGKILL), we are re-parented: stop the child
// rather than leave it running. A poll on an unref'd timer: Node has no parent-death signal.
const parent = process.ppid;
const parentWatch = setInterval(() => {
  if (process.ppid === parent) return;
  clearInterval(parentWatch);
  child.kill("SIGTERM");
}, 500);
parentWatch.unref();
child.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
