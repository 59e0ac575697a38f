// `npm start` as a person runs it: everything comes up on the given ports, the one URL to open is
// printed, and `--smoke` brings it all down again with a clean exit.
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";

import { findFreePort } from "@lytics-access/redis-server";
import { describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "..");

function runLauncher(env: NodeJS.ProcessEnv): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(path.join(root, "node_modules", ".bin", "tsx"), ["scripts/start.ts", "--smoke"], {
      cwd: root,
      env: { ...process.env, ...env },
    });
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
      expect(output.indexOf("stopped emulators")).toBeLessThan(output.indexOf("stopped redis-server"));
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
