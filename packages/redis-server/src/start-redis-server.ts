import { spawn, type ChildProcess } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";

import { findRedisServerBinary } from "./find-binary";
import { findFreePort } from "./free-port";
import { ping } from "./ping";

export interface StartRedisServerOptions {
  /**
   * Folder for Redis' data. When given, Redis keeps an append-only file there (what `npm start`
   * wants: queued jobs survive a restart). When left out, Redis keeps nothing on disk and a
   * temporary folder is removed on stop (what a test run wants).
   */
  dataDir?: string;
  /**
   * Port to listen on.
   * @defaultValue a free port chosen by the kernel
   */
  port?: number;
  /**
   * How long to wait for the first PONG before giving up.
   * @defaultValue 10000
   */
  readyTimeoutMs?: number;
  /** Path to the redis-server binary. @defaultValue `findRedisServerBinary()` */
  binary?: string;
}

export interface RedisServerHandle {
  /** `redis://127.0.0.1:<port>`, ready for ioredis. */
  readonly url: string;
  readonly port: number;
  readonly dataDir: string;
  /** Stops the server (SIGTERM, then SIGKILL after 5 s). Safe to call more than once. */
  stop(): Promise<void>;
}

const PORT_ATTEMPTS = 5;

/** Starts a private redis-server bound to the loopback interfaces and waits until it answers PING. */
export async function startRedisServer(
  options: StartRedisServerOptions = {},
): Promise<RedisServerHandle> {
  const binary = options.binary ?? findRedisServerBinary();
  const persistent = options.dataDir !== undefined;
  const dataDir = options.dataDir ?? mkdtempSync(path.join(os.tmpdir(), "lytics-access-redis-"));
  mkdirSync(dataDir, { recursive: true });

  let lastError: unknown;
  for (let attempt = 0; attempt < PORT_ATTEMPTS; attempt += 1) {
    const port = options.port ?? (await findFreePort());
    try {
      const child = await launch(
        binary,
        port,
        dataDir,
        persistent,
        options.readyTimeoutMs ?? 10_000,
      );
      return handleFor(child, port, dataDir, persistent);
    } catch (error) {
      lastError = error;
      // Only a lost race for the port is worth another try; anything else is final.
      if (options.port !== undefined || !String(error).includes("Address already in use")) break;
    }
  }
  if (!persistent) rmSync(dataDir, { recursive: true, force: true });
  throw lastError instanceof Error ? lastError : new Error(String(lastError));
}

async function launch(
  binary: string,
  port: number,
  dataDir: string,
  persistent: boolean,
  readyTimeoutMs: number,
): Promise<ChildProcess> {
  const args = [
    "--port",
    String(port),
    // "-::1": bind IPv6 loopback too when the machine has it, without failing when it does not.
    "--bind",
    "127.0.0.1",
    "-::1",
    "--daemonize",
    "no",
    "--dir",
    dataDir,
    "--save",
    "",
    "--appendonly",
    persistent ? "yes" : "no",
    // A queue must never lose data to eviction (DESIGN §6).
    "--maxmemory-policy",
    "noeviction",
    "--loglevel",
    "warning",
  ];
  // Its own process group: a terminal's Ctrl+C must not stop Redis under the processes still
  // writing to it; whoever started it stops it, last (and the exit hook below if they crash).
  const child = spawn(binary, args, { stdio: ["ignore", "pipe", "pipe"], detached: true });
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString("utf8")));
  child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString("utf8")));
  const killOnExit = () => child.kill("SIGKILL");
  process.once("exit", killOnExit);
  child.once("exit", () => process.removeListener("exit", killOnExit));

  const deadline = Date.now() + readyTimeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`redis-server exited before it was ready (port ${port}): ${output.trim()}`);
    }
    try {
      await ping(port);
      return child;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
  child.kill("SIGKILL");
  throw new Error(
    `redis-server did not answer PING on port ${port} within ${readyTimeoutMs} ms: ${output.trim()}`,
  );
}

function handleFor(
  child: ChildProcess,
  port: number,
  dataDir: string,
  persistent: boolean,
): RedisServerHandle {
  let stopping: Promise<void> | undefined;
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    dataDir,
    stop() {
      stopping ??= new Promise<void>((resolve) => {
        const finish = () => {
          if (!persistent) rmSync(dataDir, { recursive: true, force: true });
          resolve();
        };
        if (child.exitCode !== null || child.signalCode !== null) return finish();
        const forceKill = setTimeout(() => child.kill("SIGKILL"), 5_000);
        child.once("exit", () => {
          clearTimeout(forceKill);
          finish();
        });
        child.kill("SIGTERM");
      });
      return stopping;
    },
  };
}
