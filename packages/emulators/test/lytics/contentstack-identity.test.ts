// The caller cache on its own, against a stub Contentstack `/v3/user`: it is keyed on the state
// version, its TTL is only a backstop, and the clock is injected (no test waits).
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";

import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";

import { createContentstackIdentity } from "../../src/lytics/contentstack/contentstack-identity";

let server: Server;
let baseUrl = "";
let lookups = 0;

beforeAll(async () => {
  server = createServer((_request, response) => {
    lookups += 1;
    response.setHeader("content-type", "application/json");
    response.end(
      JSON.stringify({ user: { uid: "blt_user_mia", email: "mia@acme.test", organizations: [] } }),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
beforeEach(() => {
  lookups = 0;
});

const credential = { kind: "authtoken", token: "t" } as const;

describe("the Contentstack identity cache", () => {
  it("reuses an answer while the state version holds, and asks again as soon as it moves", async () => {
    let version = 1;
    const identity = createContentstackIdentity({
      baseUrl,
      cacheMs: 3000,
      stateVersion: () => version,
      now: () => 0,
    });
    await identity.resolve(credential, "org");
    await identity.resolve(credential, "org");
    expect(lookups).toBe(1);
    version += 1;
    await identity.resolve(credential, "org");
    expect(lookups).toBe(2);
  });

  it("treats the TTL as a backstop on the injected clock", async () => {
    let now = 1_000;
    const identity = createContentstackIdentity({
      baseUrl,
      cacheMs: 3000,
      stateVersion: () => 7,
      now: () => now,
    });
    await identity.resolve(credential, "org");
    now += 2_999;
    await identity.resolve(credential, "org");
    expect(lookups).toBe(1);
    now += 1;
    await identity.resolve(credential, "org");
    expect(lookups).toBe(2);
  });

  it("caches nothing without a state version: it could not tell a stale answer", async () => {
    const identity = createContentstackIdentity({ baseUrl, cacheMs: 3000, now: () => 0 });
    await identity.resolve(credential, "org");
    await identity.resolve(credential, "org");
    expect(lookups).toBe(2);
  });
});
