// `npm start` as a person runs it: everything comes up on the given ports, the one URL to open is
// printed, and `--smoke` brings it all down again with a clean exit.
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";

import { findFreePort, ping } from "@lytics-access/redis-server";
import { describe, expect, it, vi } from "vitest";

const root = path.resolve(import.meta.dirname, "..");

function runLauncher(env: NodeJS.ProcessEnv): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(
      path.join(root, "node_modules", ".bin", "tsx"),
      ["scripts/start.ts", "--smoke"],
      {
        cwd: root,
        env: { ...process.env, ...env },
      },
    );
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.on("exit", (code) => resolve({ code, output }));
  });
}

describe("npm start", () => {
  it("starts Redis and both emulators, prints the URL to open, and stops in order", async () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), "launcher-test-"));
    try {
      const [csPort, lyticsPort] = [await findFreePort(), await findFreePort()];
      const { code, output } = await runLauncher({
        CS_EMULATOR_PORT: String(csPort),
        LYTICS_EMULATOR_PORT: String(lyticsPort),
        LOCAL_DATA_DIR: dataDir,
        REDIS_URL: "",
      });
      expect(output).toContain(`Open http://127.0.0.1:${csPort}`);
      expect(output).toMatch(/redis-server redis:\/\/127\.0\.0\.1:\d+/);
      expect(output.indexOf("stopped emulators")).toBeLessThan(
        output.indexOf("stopped redis-server"),
      );
      expect(code).toBe(0);
      expect(existsSync(path.join(dataDir, "redis"))).toBe(true);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it("refuses an invalid environment with a clear message and a non-zero exit", async () => {
    const { code, output } = await runLauncher({ CS_EMULATOR_PORT: "not-a-port", REDIS_URL: "" });
    expect(code).toBe(1);
    expect(output).toContain("CS_EMULATOR_PORT");
  });
});

describe("npm start under Ctrl+C", () => {
  it("shuts down in order even when SIGINT reaches the whole process group more than once", async () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), "launcher-sigint-"));
    const [csPort, lyticsPort] = [await findFreePort(), await findFreePort()];
    const child = spawn(path.join(root, "node_modules", ".bin", "tsx"), ["scripts/start.ts"], {
      cwd: root,
      detached: true, // its own process group, as a terminal would give it
      env: {
        ...process.env,
        CS_EMULATOR_PORT: String(csPort),
        LYTICS_EMULATOR_PORT: String(lyticsPort),
        LOCAL_DATA_DIR: dataDir,
        REDIS_URL: "",
      },
    });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    const exited = new Promise<number | null>((resolve) =>
      child.on("exit", (code) => resolve(code)),
    );
    try {
      await vi.waitFor(() => expect(output).toContain("is running"), {
        timeout: 30_000,
        interval: 100,
      });
      const redisUrl = /redis-server (redis:\/\/\S+)/.exec(output)?.[1];
      expect(redisUrl).toBeDefined();
      const pid = child.pid ?? 0;
      // An impatient second Ctrl+C, pressed while the shutdown is under way. (Sent together with
      // the first, the kernel would merge the two into one.)
      child.stdout.on("data", (chunk: Buffer) => {
        if (chunk.toString().includes("shutting down")) {
          try {
            process.kill(-pid, "SIGINT");
          } catch {
            // already gone
          }
        }
      });
      process.kill(-pid, "SIGINT"); // what Ctrl+C does: the whole group
      expect(await exited).toBe(0);
      expect(output).toContain("stopped emulators");
      expect(output).toContain("stopped redis-server");
      expect(output.indexOf("stopped emulators")).toBeLessThan(
        output.indexOf("stopped redis-server"),
      );
      const redisPort = Number(new URL(redisUrl ?? "").port);
      await expect(ping(redisPort, "127.0.0.1", 300)).rejects.toThrow();
    } finally {
      child.kill("SIGKILL");
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
