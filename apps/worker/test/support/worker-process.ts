// A worker as its own process (`node --import tsx src/main.ts`), in its own process group so a
// SIGKILL reaches everything it started, as a crashed container would.
import { spawn, type ChildProcess } from "node:child_process";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";

import { WORKER_NODE_FLAGS } from "../../src/runtime/worker-node-flags";

const MAIN = fileURLToPath(new URL("../../src/main.ts", import.meta.url));
const ROOT = fileURLToPath(new URL("../../../../", import.meta.url));

export interface WorkerProcess {
  readonly child: ChildProcess;
  readonly lines: string[];
  /** Resolves with the worker's HTTP URL once it printed "worker ready". */
  readonly ready: Promise<string>;
  readonly exited: Promise<number | null>;
  /** SIGKILL to the whole process group: no shutdown code runs. */
  kill9(): void;
}

export function spawnWorker(env: Record<string, string>): WorkerProcess {
  const child = spawn(process.execPath, [...WORKER_NODE_FLAGS, "--import", "tsx", MAIN], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  const lines: string[] = [];
  const exited = new Promise<number | null>((resolve) =>
    child.once("exit", (code) => resolve(code)),
  );
  const ready = new Promise<string>((resolve, reject) => {
    child.once("exit", (code) =>
      reject(new Error(`worker exited early (${code}): ${lines.slice(-20).join("\n")}`)),
    );
    createInterface({ input: child.stdout }).on("line", (line) => {
      lines.push(line);
      if (line.includes('"worker ready"')) resolve((JSON.parse(line) as { http: string }).http);
    });
    createInterface({ input: child.stderr }).on("line", (line) => lines.push(line));
  });
  ready.catch(() => undefined);
  return {
    child,
    lines,
    ready,
    exited,
    kill9() {
      if (child.pid !== undefined && child.exitCode === null && child.signalCode === null)
        process.kill(-child.pid, "SIGKILL");
    },
  };
}
