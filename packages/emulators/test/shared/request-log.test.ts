// Request logs (`EMULATOR_LOG=1`) hold paths only: authorization codes, states and tokens travel
// in query strings, and a log line is no place for them. Both emulators, through the real entry.
import { spawn } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";

import { describe, expect, it, vi } from "vitest";

const packageDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const tsx = path.resolve(packageDir, "../../node_modules/.bin/tsx");

describe("request logging", () => {
  it("logs the path of every request on both emulators, never its query string", async () => {
    const child = spawn(tsx, ["src/main.ts"], {
      cwd: packageDir,
      env: { ...process.env, CS_EMULATOR_PORT: "0", LYTICS_EMULATOR_PORT: "0", EMULATOR_LOG: "1" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.on("exit", resolve));
    try {
      await vi.waitFor(
        () => {
          if (child.exitCode !== null) throw new Error(`main exited early:\n${output}`);
          expect(output).toMatch(/Lytics emulator:\s+\S+/);
        },
        { timeout: 60_000, interval: 50 },
      );
      const csUrl = /Contentstack emulator:\s+(\S+)/.exec(output)?.[1] ?? "";
      const lyticsUrl = /Lytics emulator:\s+(\S+)/.exec(output)?.[1] ?? "";
      const secrets = {
        code: "code_SECRETCODE0001",
        state: "STATESECRET0002",
        token: "cs_at_SECRETTOKEN0003",
        lytics: "at.SECRETLYTICS0004",
        missing: "SECRETMISSING0005",
      };
      const calls = [
        `${csUrl}/login?return_to=%2Fhome&code=${secrets.code}&state=${secrets.state}`,
        `${csUrl}/apps/app_lytics_access/authorize?response_type=code&state=${secrets.state}`,
        `${csUrl}/v3/user?access_token=${secrets.token}`,
        `${csUrl}/no-such-route?token=${secrets.missing}`,
        `${lyticsUrl}/v2/user?access_token=${secrets.lytics}`,
        `${lyticsUrl}/no-such-route?token=${secrets.missing}`,
      ];
      for (const url of calls) await (await fetch(url, { redirect: "manual" })).arrayBuffer();
      await vi.waitFor(() => expect(output.match(/"statusCode":\d+/g)?.length).toBe(calls.length), {
        timeout: 30_000,
        interval: 50,
      });
      child.kill("SIGTERM");
      expect(await exited).toBe(0);

      // Each request was logged, by path.
      for (const requestPath of ["/login", "/v3/user", "/no-such-route", "/v2/user"])
        expect(output).toContain(`"${requestPath}"`);
      for (const secret of Object.values(secrets)) expect(output).not.toContain(secret);
      expect(output).not.toMatch(/"url":"[^"]*\?/);
    } finally {
      if (child.exitCode === null) child.kill("SIGKILL");
    }
  }, 120_000);
});
