import net from "node:net";

import { describe, expect, inject, it } from "vitest";

import { ping } from "./ping";

function roundTrip(port: number, command: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = net.connect({ port, host: "127.0.0.1" });
    socket.once("error", reject);
    socket.once("connect", () => socket.write(command));
    socket.once("data", (chunk) => {
      socket.destroy();
      resolve(chunk.toString("utf8"));
    });
  });
}

describe("vitest globalSetup", () => {
  it("hands every test file the URL of a private, running redis-server", async () => {
    const url = new URL(inject("redisUrl"));
    expect(url.protocol).toBe("redis:");
    expect(url.hostname).toBe("127.0.0.1");
    await ping(Number(url.port));
    // Private to this run: no one else's keys are in it.
    expect(await roundTrip(Number(url.port), "DBSIZE\r\n")).toBe(":0\r\n");
  });
});
