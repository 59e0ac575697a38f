// Finds the system programs the project needs (redis-server, Chromium) and installs them with apt
// when we run as root. Plain Node on purpose: it runs before `npm ci` has brought anything in.
import { spawnSync } from "node:child_process";
import { accessSync, constants } from "node:fs";
import path from "node:path";

let aptUpdated = false;

/** Absolute path of an executable on PATH, or undefined. */
export function which(binary) {
  if (binary.includes("/")) return isExecutable(binary) ? binary : undefined;
  for (const dir of (process.env.PATH ?? "").split(path.delimiter)) {
    const candidate = path.join(dir, binary);
    if (dir && isExecutable(candidate)) return candidate;
  }
  return undefined;
}

function isExecutable(file) {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * Makes sure one of `binaries` exists. Installs `aptPackage` when it does not and we are root,
 * otherwise stops with the one command a person has to run.
 */
export function ensureSystemProgram({ label, binaries, aptPackage }) {
  const found = binaries.map(which).find(Boolean);
  if (found) return found;
  const isRoot = typeof process.getuid === "function" && process.getuid() === 0;
  if (!isRoot || !which("apt-get")) {
    console.error(
      `\n${label} is needed and was not found (looked for ${binaries.join(", ")}).\n` +
        `Install it with:\n\n    sudo apt-get install -y ${aptPackage}\n`,
    );
    process.exit(1);
  }
  console.log(`[setup] ${label} not found: installing the Debian package ${aptPackage}…`);
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  if (!aptUpdated) {
    run("apt-get", ["update", "-qq"], env);
    aptUpdated = true;
  }
  run("apt-get", ["install", "-y", "-qq", aptPackage], env);
  const installed = binaries.map(which).find(Boolean);
  if (!installed) {
    console.error(
      `[setup] apt installed ${aptPackage} but ${binaries.join(", ")} is still missing.`,
    );
    process.exit(1);
  }
  return installed;
}

function run(command, args, env) {
  const result = spawnSync(command, args, { stdio: "inherit", env });
  if (result.status !== 0) {
    console.error(`[setup] '${command} ${args.join(" ")}' failed with exit code ${result.status}.`);
    process.exit(1);
  }
}

export const REDIS = Object.freeze({
  label: "Redis (redis-server)",
  binaries: [process.env.REDIS_SERVER_BIN ?? "redis-server", "/usr/bin/redis-server"],
  aptPackage: "redis-server",
});

export const CHROMIUM = Object.freeze({
  label: "Chromium",
  binaries: [process.env.CHROMIUM_PATH ?? "/usr/bin/chromium", "chromium"],
  aptPackage: "chromium",
});
