// `npm run emulators` as a process: validated env, both URLs printed, SIGTERM closes in order.
import { spawn } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";

import { describe, expect, it } from "vitest";

const packageDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const tsx = path.resolve(packageDir, "../../node_modules/.bin/tsx");

function runMain(env: Record<string, string>) {
  const child = spawn(tsx, ["src/main.ts"], {
    cwd: packageDir,
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  return { child, exited, output: () => ({ stdout, stderr }) };
}

// Each test spawns tsx (a cold TypeScript start): on a busy machine that takes well over vitest's
// default 5 s, so the limit is a hang guard only.
describe("src/main.ts", { timeout: 120_000 }, () => {
  it("prints both URLs, serves them, and closes on SIGTERM", async () => {
    const run = runMain({ CS_EMULATOR_PORT: "0", LYTICS_EMULATOR_PORT: "0" });
    try {
      while (!/Lytics emulator:\s+(\S+)/.test(run.output().stdout)) {
        if (run.child.exitCode !== null)
          throw new Error(`main exited early: ${run.output().stderr}`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      const lyticsUrl = /Lytics emulator:\s+(\S+)/.exec(run.output().stdout)?.[1] ?? "";
      const csUrl = /Contentstack emulator:\s+(\S+)/.exec(run.output().stdout)?.[1] ?? "";
      expect(csUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      const v2 = await fetch(`${lyticsUrl}/v2/user`, {
        headers: { authorization: "at.acme-web.local-token-0001" },
      });
      expect(v2.status).toBe(200);
      run.child.kill("SIGTERM");
      expect(await run.exited).toBe(0);
      await expect(fetch(`${lyticsUrl}/v2/user`)).rejects.toThrow();
    } finally {
      if (run.child.exitCode === null) run.child.kill("SIGKILL");
    }
  });

  it("refuses an invalid port with a clear message", async () => {
    const run = runMain({ CS_EMULATOR_PORT: "http", LYTICS_EMULATOR_PORT: "70000" });
    expect(await run.exited).toBe(2);
    expect(run.output().stderr).toContain("CS_EMULATOR_PORT must be a port number");
    expect(run.output().stderr).toContain("LYTICS_EMULATOR_PORT must be 0-65535");
  });

  it("names a fixture file that does not validate", async () => {
    const run = runMain({
      CS_EMULATOR_PORT: "0",
      LYTICS_EMULATOR_PORT: "0",
      EMULATOR_FIXTURE: path.join(packageDir, "package.json"),
    });
    expect(await run.exited).toBe(1);
    expect(run.output().stderr).toContain("package.json is not a valid emulator fixture");
  });
});
