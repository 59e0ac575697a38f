import net from "node:net";

import { afterEach, describe, expect, it } from "vitest";

import { loadFixture } from "../../src/fixtures/load-fixture";
import {
  startEmulators,
  withLyticsLaunchCallback,
  type RunningEmulators,
} from "../../src/start-emulators";
import { authtokenFor, managementHeaders } from "./support/both-emulators";

let running: RunningEmulators | undefined;
afterEach(async () => {
  await running?.close();
  running = undefined;
});

describe("startEmulators", () => {
  it("starts both on free ports, wired together, and closes them in order, idempotently", async () => {
    running = await startEmulators({ csPort: 0, lyticsPort: 0 });
    const { contentstack, lytics } = running;
    expect(contentstack.url).toBe(`http://127.0.0.1:${contentstack.port}`);
    expect(lytics.url).toBe(`http://localhost:${lytics.port}`);
    expect(contentstack.port).not.toBe(lytics.port);

    // Lytics resolves the caller through this Contentstack: the wiring works end to end.
    const token = await authtokenFor(running, "blt_user_olivia");
    const projects = await fetch(`${lytics.url}/projects`, { headers: managementHeaders(token) });
    expect(projects.status).toBe(200);

    // Contentstack's App Switcher links to this Lytics.
    const start = await fetch(
      `${lytics.url}/auth/contentstack/start?organization_uid=blt_org_acme`,
      { redirect: "manual" },
    );
    expect(new URL(start.headers.get("location") ?? "").origin).toBe(contentstack.url);

    const first = running.close();
    expect(running.close()).toBe(first);
    await first;
    await expect(fetch(`${lytics.url}/v2/user`)).rejects.toThrow();
    await expect(fetch(`${contentstack.url}/`)).rejects.toThrow();
  });

  it("registers the Lytics callback for whatever port Lytics gets", () => {
    const fixture = withLyticsLaunchCallback(loadFixture(), "http://localhost:12345");
    expect(fixture.lytics_launch_client.redirect_uris[0]).toBe(
      "http://localhost:12345/auth/contentstack/callback",
    );
    expect(withLyticsLaunchCallback(fixture, "http://localhost:12345")).toBe(fixture);
  });

  it("closes Contentstack again when Lytics cannot start", async () => {
    const blocker = await startEmulators({ csPort: 0, lyticsPort: 0 });
    running = blocker;
    const csPort = await freePort();
    await expect(startEmulators({ csPort, lyticsPort: blocker.lytics.port })).rejects.toThrow();
    await expect(fetch(`http://127.0.0.1:${csPort}/`)).rejects.toThrow();
  });
});

async function freePort(): Promise<number> {
  const server = net.createServer().listen(0, "127.0.0.1");
  await new Promise((resolve) => server.once("listening", resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (!address || typeof address === "string") throw new Error("no port");
  return address.port;
}
