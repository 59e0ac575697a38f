// Runs `npm ci` when node_modules is missing or older than package-lock.json, so that the README's
// commands work on a fresh clone without a separate install step.
import { spawnSync } from "node:child_process";
import { existsSync, statSync } from "node:fs";
import path from "node:path";

export function ensureNodeDependencies(root) {
  const lockfile = path.join(root, "package-lock.json");
  const installedMarker = path.join(root, "node_modules", ".package-lock.json");
  const upToDate =
    existsSync(installedMarker) &&
    (!existsSync(lockfile) || statSync(installedMarker).mtimeMs >= statSync(lockfile).mtimeMs);
  if (upToDate) return;
  const args = existsSync(lockfile)
    ? ["ci", "--no-audit", "--no-fund"]
    : ["install", "--no-audit", "--no-fund"];
  console.log(`[setup] installing dependencies: npm ${args.join(" ")}`);
  const result = spawnSync("npm", args, {
    cwd: root,
    stdio: "inherit",
    // Playwright must never fetch a browser: we drive Debian's Chromium.
    env: { ...process.env, PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: "1" },
  });
  if (result.status !== 0) {
    console.error(`[setup] npm ${args[0]} failed (exit ${result.status}).`);
    process.exit(result.status ?? 1);
  }
}
