// A spawned worker process stops in order on SIGTERM and exits 0; its HTTP server answers until then.
import type {} from "@lytics-access/redis-server/vitest-global-setup";
import { spawn } from "node:child_process";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";

import { describe, expect, inject, it } from "vitest";

import { testKeyring, workerEnv } from "./support/worker-env";

const MAIN = fileURLToPath(new URL("../src/main.ts", import.meta.url));
const TSX = fileURLToPath(new URL("../../../node_modules/.bin/tsx", import.meta.url));

describe("SIGTERM", () => {
  it("shuts the worker down in order and exits 0", async () => {
    const child = spawn(TSX, [MAIN], {
      env: {
        ...process.env,
        ...workerEnv(inject("redisUrl"), undefined, testKeyring(), { LOG_LEVEL: "info" }),
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    const lines: string[] = [];
    const ready = new Promise<string>((resolve, reject) => {
      child.once("exit", (code) =>
        reject(new Error(`worker exited early (${code}): ${lines.join("\n")}`)),
      );
      createInterface({ input: child.stdout }).on("line", (line) => {
        lines.push(line);
        if (line.includes('"worker ready"')) resolve((JSON.parse(line) as { http: string }).http);
      });
    });
    const http = await ready;
    expect((await fetch(`${http}/healthz`)).status).toBe(200);
    const exited = new Promise<number | null>((resolve) =>
      child.on("exit", (code) => resolve(code)),
    );
    child.kill("SIGTERM");
    expect(await exited).toBe(0);
    expect(lines.some((line) => line.includes('"worker stopped"'))).toBe(true);
  }, 60_000);
});
