// `npm start` as a person runs it: everything comes up on the given ports, the one URL to open is
// printed, and `--smoke` brings it all down again with a clean exit.
import { spawn } from "node:child_process";
import {
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";

import { loadFixture } from "@lytics-access/emulators";

import { findFreePort, ping } from "@lytics-access/redis-server";
import { describe, expect, it, vi } from "vitest";

const root = path.resolve(import.meta.dirname, "..");
// A hang guard for "is running", not a speed target: a start builds the web app when its sources
// (or a package it imports) changed since the last build, about a minute on two busy cores and
// more while other work runs. Kept well under the tests' own limit (vitest.config.ts, 300 s),
// which also covers the stop.
const STARTUP_GUARD_MS = 150_000;

async function runLauncher(
  env: NodeJS.ProcessEnv,
): Promise<{ code: number | null; output: string }> {
  const webPort = String(await findFreePort());
  return new Promise((resolve) => {
    const child = spawn(
      path.join(root, "node_modules", ".bin", "tsx"),
      ["scripts/start.ts", "--smoke"],
      {
        cwd: root,
        // Free ports (0: the worker's health server picks one), so a running `npm start` or a
        // parallel test cannot collide with this one.
        env: { ...process.env, WORKER_HTTP_PORT: "0", WEB_PORT: webPort, ...env },
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
        WORKER_HTTP_PORT: "0",
        WEB_PORT: String(await findFreePort()),
        LOCAL_DATA_DIR: dataDir,
        REDIS_URL: "",
      });
      expect(output).toContain(`Open http://127.0.0.1:${csPort}`);
      expect(output).toMatch(/redis-server redis:\/\/127\.0\.0\.1:\d+/);
      // Acme is connected as if its Owner had authorized: the fixture's collaborators are adopted.
      expect(output).toMatch(/Acme connected for the sync as its Owner; \d+ existing collaborator/);
      expect(output).toMatch(/worker {2,}http:\/\/127\.0\.0\.1:\d+/);
      expect(output).toMatch(/web app {2,}http:\/\/localhost:\d+/);
      expect(output.indexOf("stopped web app")).toBeGreaterThan(-1);
      expect(output.indexOf("stopped web app")).toBeLessThan(output.indexOf("stopped worker"));
      expect(output.indexOf("stopped worker")).toBeLessThan(output.indexOf("stopped emulators"));
      expect(output.indexOf("stopped emulators")).toBeLessThan(
        output.indexOf("stopped redis-server"),
      );
      expect(code).toBe(0);
      expect(existsSync(path.join(dataDir, "redis"))).toBe(true);
      // The local keyring is kept for the next start, readable by its owner only.
      const secrets = path.join(dataDir, "secrets.json");
      expect(existsSync(secrets)).toBe(true);
      expect(statSync(secrets).mode & 0o077).toBe(0);
      expect(output).not.toContain(
        (JSON.parse(readFileSync(secrets, "utf8")) as { operatorToken: string }).operatorToken,
      );
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it("refuses an invalid environment with a clear message and a non-zero exit", async () => {
    const { code, output } = await runLauncher({ CS_EMULATOR_PORT: "not-a-port", REDIS_URL: "" });
    expect(code).toBe(1);
    expect(output).toContain("CS_EMULATOR_PORT must be a port number");
  });

  it("names the variable that moves a port already in use", async () => {
    const busy = net.createServer();
    await new Promise<void>((resolve) => busy.listen(0, "127.0.0.1", resolve));
    const busyPort = (busy.address() as net.AddressInfo).port;
    try {
      for (const [variable, other] of [
        ["CS_EMULATOR_PORT", "LYTICS_EMULATOR_PORT"],
        ["LYTICS_EMULATOR_PORT", "CS_EMULATOR_PORT"],
      ] as const) {
        const { code, output } = await runLauncher({
          [variable]: String(busyPort),
          [other]: String(await findFreePort()),
          // The launcher does not connect to Redis yet: no project-managed one is needed here.
          REDIS_URL: "redis://127.0.0.1:1",
        });
        expect(code, output).toBe(1);
        expect(output).toContain(`port ${busyPort} is in use; set ${variable} to another port`);
      }
    } finally {
      await new Promise((resolve) => busy.close(resolve));
    }
  });

  it("refuses an EMULATOR_FIXTURE that does not validate, naming the file", async () => {
    const { code, output } = await runLauncher({
      EMULATOR_FIXTURE: "package.json",
      REDIS_URL: "redis://127.0.0.1:1",
    });
    expect(code).toBe(1);
    expect(output).toContain("package.json is not a valid emulator fixture");
  });
});

/** Every live descendant of `pid` (from /proc), so a test can check that none outlives a stop. */
function descendantsOf(pid: number): number[] {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      // "pid (comm) state ppid ...": comm may hold spaces, so read after its closing parenthesis.
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
    } catch {
      // gone meanwhile
    }
  }
  const found: number[] = [];
  const queue = [pid];
  while (queue.length > 0) {
    for (const child of children.get(queue.shift() ?? 0) ?? []) {
      found.push(child);
      queue.push(child);
    }
  }
  return found;
}

function isAlive(pid: number): boolean {
  try {
    const state = readFileSync(`/proc/${pid}/stat`, "utf8");
    return state.slice(state.lastIndexOf(")") + 2, state.lastIndexOf(")") + 3) !== "Z";
  } catch {
    return false;
  }
}

function refusesConnections(port: number, host: string): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ port, host });
    socket.once("connect", () => {
      socket.destroy();
      resolve(false);
    });
    socket.once("error", () => resolve(true));
  });
}

describe("npm start stopped by a signal sent to the npm process alone", () => {
  it.each(["SIGTERM", "SIGINT"] as const)(
    "%s: stops everything in order and leaves no process or port behind",
    async (signal) => {
      const dataDir = mkdtempSync(path.join(os.tmpdir(), `launcher-${signal}-`));
      // A fixture of our own, to see that EMULATOR_FIXTURE is honoured.
      const fixture = loadFixture();
      const person = fixture.people[0];
      if (!person) throw new Error("the default fixture has no people");
      person.first_name = "Fixturella";
      const fixtureFile = path.join(dataDir, "fixture.json");
      writeFileSync(fixtureFile, JSON.stringify(fixture));
      const [csPort, lyticsPort] = [await findFreePort(), await findFreePort()];
      const npm = spawn("npm", ["start"], {
        cwd: root,
        detached: true, // its own process group, so that the group is cleaned up whatever happens
        env: {
          ...process.env,
          CS_EMULATOR_PORT: String(csPort),
          LYTICS_EMULATOR_PORT: String(lyticsPort),
          WORKER_HTTP_PORT: "0",
          WEB_PORT: String(await findFreePort()),
          LOCAL_DATA_DIR: dataDir,
          EMULATOR_FIXTURE: fixtureFile,
          REDIS_URL: "",
        },
      });
      let output = "";
      npm.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
      npm.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
      const exited = new Promise<void>((resolve) => npm.on("exit", () => resolve()));
      const pid = npm.pid ?? 0;
      let tree: number[] = [];
      try {
        await vi.waitFor(() => expect(output).toContain("is running"), {
          timeout: STARTUP_GUARD_MS,
          interval: 100,
        });
        const redisUrl = /redis-server (redis:\/\/\S+)/.exec(output)?.[1] ?? "";
        const redisPort = Number(new URL(redisUrl).port);
        const login = await (await fetch(`http://127.0.0.1:${csPort}/login`)).text();
        expect(login).toContain("Sign in as Fixturella");
        tree = descendantsOf(pid);
        expect(tree.length).toBeGreaterThan(2); // run.mjs, tsx, the launcher, redis-server

        process.kill(pid, signal); // the npm process only, not its group
        await exited;
        expect(output).toContain(`[start] ${signal}: shutting down`);
        expect(output.indexOf("stopped emulators")).toBeLessThan(
          output.indexOf("stopped redis-server"),
        );
        // Nothing of the tree survives npm, and every port is free again.
        await vi.waitFor(() => expect(tree.filter(isAlive)).toEqual([]), {
          timeout: 30_000,
          interval: 100,
        });
        for (const port of [csPort, lyticsPort, redisPort])
          expect(await refusesConnections(port, "127.0.0.1"), `port ${port}`).toBe(true);
      } finally {
        for (const leftover of [pid, ...tree].filter(isAlive)) {
          try {
            process.kill(leftover, "SIGKILL");
          } catch {
            // already gone
          }
        }
        rmSync(dataDir, { recursive: true, force: true });
      }
    },
  );
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
        WORKER_HTTP_PORT: "0",
        WEB_PORT: String(await findFreePort()),
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
        timeout: STARTUP_GUARD_MS,
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
