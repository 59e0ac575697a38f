import { existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";

import { afterEach, describe, expect, it } from "vitest";

import { findRedisServerBinary } from "./find-binary";
import { ping } from "./ping";
import { RedisServerNotInstalledError } from "./redis-server-not-installed-error";
import { startRedisServer, type RedisServerHandle } from "./start-redis-server";

/** Sends raw RESP commands and returns everything Redis answered, once `expectedReplies` lines came. */
function send(port: number, commands: string, expectedReplies: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = net.connect({ port, host: "127.0.0.1" });
    let reply = "";
    socket.once("error", reject);
    socket.once("connect", () => socket.write(commands));
    socket.on("data", (chunk) => {
      reply += chunk.toString("utf8");
      if (reply.split("\r\n").length > expectedReplies) {
        socket.destroy();
        resolve(reply);
      }
    });
  });
}

describe("startRedisServer", () => {
  const started: RedisServerHandle[] = [];
  afterEach(async () => {
    await Promise.all(started.splice(0).map((server) => server.stop()));
  });

  it("starts a real redis-server on a free port that stores and returns data", async () => {
    const server = await startRedisServer();
    started.push(server);
    expect(server.url).toBe(`redis://127.0.0.1:${server.port}`);
    const reply = await send(server.port, "SET greeting hello\r\nGET greeting\r\n", 3);
    expect(reply).toBe("+OK\r\n$5\r\nhello\r\n");
  });

  it("gives two servers two different ports and keeps their data apart", async () => {
    const [a, b] = await Promise.all([startRedisServer(), startRedisServer()]);
    started.push(a, b);
    expect(a.port).not.toBe(b.port);
    await send(a.port, "SET only-in-a 1\r\n", 1);
    expect(await send(b.port, "EXISTS only-in-a\r\n", 1)).toBe(":0\r\n");
  });

  it("refuses eviction, so a full memory never drops queued work", async () => {
    const server = await startRedisServer();
    started.push(server);
    const reply = await send(server.port, "CONFIG GET maxmemory-policy\r\n", 5);
    expect(reply).toContain("noeviction");
  });

  it("stops the server and removes its temporary folder; stop is idempotent", async () => {
    const server = await startRedisServer();
    await server.stop();
    await server.stop();
    await expect(ping(server.port, "127.0.0.1", 300)).rejects.toThrow();
    expect(existsSync(server.dataDir)).toBe(false);
  });

  it("keeps an append-only file in a given data folder and leaves it after stop", async () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), "redis-helper-test-"));
    try {
      const server = await startRedisServer({ dataDir });
      await send(server.port, "SET durable yes\r\n", 1);
      await server.stop();
      expect(existsSync(dataDir)).toBe(true);
      const restarted = await startRedisServer({ dataDir });
      started.push(restarted);
      expect(await send(restarted.port, "GET durable\r\n", 2)).toBe("$3\r\nyes\r\n");
      expect(readdirSync(dataDir).some((name) => name.startsWith("appendonly"))).toBe(true);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it("names the install command when redis-server is missing", () => {
    const lookup = () =>
      findRedisServerBinary({ PATH: "/nonexistent", REDIS_SERVER_BIN: "/nope/redis-server" }, []);
    expect(lookup).toThrow(RedisServerNotInstalledError);
    expect(lookup).toThrow("apt-get install -y redis-server");
  });
});
