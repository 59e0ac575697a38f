// Starts the web app as a child process group (`next start`, or `next dev`), for `npm start` and
// end-to-end tests. Next forks its own server process, so the whole group is signalled on close
// (stack-notes: killing only the npx pid leaves next-server running).
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

export interface StartWebOptions {
  /** @defaultValue 3000 */
  readonly port?: number;
  /** The app's environment (see src/env.ts): REDIS_URL, STORE_KEYRING, CONTENTSTACK_* ... */
  readonly env: Readonly<Record<string, string>>;
  /** `start` serves the production build (built first when missing); `dev` runs `next dev`. @defaultValue "start" */
  readonly mode?: "start" | "dev";
  /** Where the child's output goes. @defaultValue inherited */
  readonly stdio?: "inherit" | "ignore" | "pipe";
  /** @defaultValue 120000 (a first `next dev` compile is slow on a busy machine) */
  readonly readyTimeoutMs?: number;
}

export interface RunningWeb {
  readonly url: string;
  readonly child: ChildProcess;
  /** Stops the process group: SIGTERM, then SIGKILL after 5 s. Idempotent. */
  close(): Promise<void>;
}

const appDir = path.resolve(import.meta.dirname, "..");
// Resolved from this workspace, so a hoisted or a nested `next` are both found.
const nextBin = path.join(
  path.dirname(createRequire(path.join(appDir, "package.json")).resolve("next/package.json")),
  "dist/bin/next",
);

function run(args: string[], env: NodeJS.ProcessEnv, stdio: StartWebOptions["stdio"]) {
  return spawn(process.execPath, [nextBin, ...args], {
    cwd: appDir,
    env,
    stdio: stdio ?? "inherit",
    detached: true,
  });
}

async function waitFor(url: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`next exited with code ${child.exitCode}`);
    try {
      const response = await fetch(`${url}/healthz`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`the web app did not answer on ${url} within ${timeoutMs} ms`);
}

export async function startWeb(options: StartWebOptions): Promise<RunningWeb> {
  const port = options.port ?? 3000;
  const mode = options.mode ?? "start";
  const env: NodeJS.ProcessEnv = { ...process.env, ...options.env, NEXT_TELEMETRY_DISABLED: "1" };
  if (mode === "start" && !existsSync(path.join(appDir, ".next", "BUILD_ID"))) {
    const build = run(["build"], env, options.stdio);
    const code = await new Promise<number | null>((resolve) => build.on("exit", resolve));
    if (code !== 0) throw new Error(`next build failed (exit code ${code})`);
  }
  // `::` listens on IPv6 and IPv4 loopback alike (DESIGN §6: every local server is dual-stack).
  const child = run([mode, "-p", String(port), "-H", "::"], env, options.stdio);
  let closed: Promise<void> | undefined;
  const close = () => {
    closed ??= new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.pid === undefined) return resolve();
      const kill = setTimeout(() => process.kill(-(child.pid as number), "SIGKILL"), 5000);
      child.once("exit", () => {
        clearTimeout(kill);
        resolve();
      });
      process.kill(-child.pid, "SIGTERM");
    });
    return closed;
  };
  const url = `http://localhost:${port}`;
  try {
    await waitFor(url, child, options.readyTimeoutMs ?? 120_000);
  } catch (error) {
    await close();
    throw error;
  }
  return { url, child, close };
}
