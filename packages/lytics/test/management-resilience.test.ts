// The Management API client through token refreshes, 429 storms, 5xx, cut answers, and its own
// per-organization pacing.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";

import {
  createLyticsManagementClient,
  InvalidResponseError,
  RateLimitedError,
  ServerError,
} from "../src/index";
import { createRateLimiter } from "../src/http/rate-limiter";
import {
  managementClient,
  mintAuthtoken,
  oauthTokens,
  PEOPLE,
  refreshTokens,
  setTokenTtl,
  startPair,
  type EmulatorPair,
  type OAuthTokens,
} from "./support/contentstack";
import {
  ACME_WEB,
  callLog,
  countOf,
  expectPaced,
  FAST_RETRY,
  injectFault,
  resetEmulator,
} from "./support/emulator";
import { createVirtualTime, type VirtualTime } from "@lytics-access/emulators/testing";

// Both emulators run on virtual time (createVirtualTime); each test gets a fresh timeline
// that goes on from the last one, and the tests that pace or expire tokens move it themselves.
let time: VirtualTime = createVirtualTime();
let pair: EmulatorPair;
beforeAll(async () => {
  pair = await startPair({ now: () => time.now() });
});
afterAll(() => pair.close());
beforeEach(async () => {
  time = createVirtualTime(time.now() + 60_000);
  await resetEmulator(pair.lytics.url);
  await setTokenTtl(pair.contentstack.url, 3600);
});

const ownerAuthtoken = async () => ({
  authtoken: await mintAuthtoken(pair.contentstack.url, PEOPLE.owner),
});

describe("OAuth access tokens", () => {
  it("calls with a Bearer user token from the caller's token source", async () => {
    const { accessToken } = await oauthTokens(pair.contentstack.url, PEOPLE.owner);
    const client = managementClient(pair.lytics.url, { getAccessToken: async () => accessToken });
    expect(await client.listProjects()).toHaveLength(2);
  });

  it("picks up tokens the caller's OAuth client rotates during a long run", async () => {
    // Access tokens live one second; the simulated OAuth client refreshes ahead of expiry, as a
    // real one does. Every call must use the token current at that moment.
    await setTokenTtl(pair.contentstack.url, 1);
    let tokens: OAuthTokens = await oauthTokens(pair.contentstack.url, PEOPLE.owner);
    let issuedAt = time.now();
    const used = new Set<string>();
    const getAccessToken = async () => {
      if (time.now() - issuedAt > 600) {
        tokens = await refreshTokens(pair.contentstack.url, tokens.refreshToken);
        issuedAt = time.now();
      }
      used.add(tokens.accessToken);
      return tokens.accessToken;
    };
    const client = managementClient(
      pair.lytics.url,
      { getAccessToken },
      { rateLimiter: createRateLimiter(4, time), clock: time, fetch: time.fetch },
    );
    for (let call = 0; call < 10; call += 1) {
      expect(await client.listCollaborators(ACME_WEB.projectUid)).toHaveLength(5);
    }
    expect(used.size).toBeGreaterThanOrEqual(3);
    const statuses = (await callLog(pair.lytics.url)).calls.map((entry) => entry.status);
    expect(statuses).toEqual(Array.from({ length: 10 }, () => 200));
  });

  it("after a 401 asks the token source again and retries once with the fresh token", async () => {
    await setTokenTtl(pair.contentstack.url, 1);
    const first = await oauthTokens(pair.contentstack.url, PEOPLE.owner);
    time.advance(1100); // the 1 s token is over
    await setTokenTtl(pair.contentstack.url, 3600);
    // The caller's client notices expiry only when asked twice (e.g. it refreshes lazily on demand).
    let asked = 0;
    let fresh: string | undefined;
    const getAccessToken = async () => {
      asked += 1;
      if (asked === 1) return first.accessToken;
      fresh ??= (await refreshTokens(pair.contentstack.url, first.refreshToken)).accessToken;
      return fresh;
    };
    const client = managementClient(pair.lytics.url, { getAccessToken });
    expect(await client.listProjects()).toHaveLength(2);
    expect((await callLog(pair.lytics.url)).calls.map((entry) => entry.status)).toEqual([401, 200]);
  });

  it("does not retry a 401 when the token source has nothing newer", async () => {
    const client = managementClient(pair.lytics.url, {
      getAccessToken: async () => "cs_at_revoked",
    });
    await expect(client.listProjects()).rejects.toMatchObject({
      code: "UNAUTHORIZED",
      status: 401,
    });
    expect(await countOf(pair.lytics.url, "GET /projects")).toBe(1);
  });

  it("refuses an empty token from the source without calling", async () => {
    const client = managementClient(pair.lytics.url, { getAccessToken: async () => "" });
    await expect(client.listProjects()).rejects.toMatchObject({ code: "LYTICS_INVALID_INPUT" });
    expect(await countOf(pair.lytics.url, "GET /projects")).toBe(0);
  });
});

describe("429 and 5xx", () => {
  it("backs off through 429s on reads and on invitations (a 429 was not applied)", async () => {
    const client = managementClient(pair.lytics.url, await ownerAuthtoken());
    await injectFault(pair.lytics.url, {
      route: "/projects",
      method: "GET",
      times: 2,
      fault: { kind: "status", status: 429 },
    });
    expect(await client.listProjects()).toHaveLength(2);
    expect(await countOf(pair.lytics.url, "GET /projects")).toBe(3);

    await injectFault(pair.lytics.url, {
      route: "/projects/:id/collaborators",
      method: "POST",
      times: 1,
      fault: { kind: "status", status: 429 },
    });
    const invited = await client.inviteCollaborators(ACME_WEB.projectUid, {
      emails: ["max.member@acme.test"],
      roles: ["observer"],
    });
    expect(invited).toHaveLength(1);
    expect(await countOf(pair.lytics.url, "POST /projects/:id/collaborators")).toBe(2);
  });

  it("stops after the allowed retries of a 429 storm", async () => {
    const client = managementClient(pair.lytics.url, await ownerAuthtoken());
    await injectFault(pair.lytics.url, {
      route: "/projects/:id",
      method: "GET",
      fault: { kind: "status", status: 429 },
    });
    await expect(client.getProject(ACME_WEB.projectUid)).rejects.toBeInstanceOf(RateLimitedError);
    expect(await countOf(pair.lytics.url, "GET /projects/:id")).toBe(FAST_RETRY.retries + 1);
  });

  it("retries a 5xx on an idempotent role change but not on an invitation", async () => {
    const client = managementClient(pair.lytics.url, await ownerAuthtoken());
    await injectFault(pair.lytics.url, {
      route: "/projects/:id/collaborators/:userUid",
      method: "PUT",
      times: 1,
      fault: { kind: "status", status: 503 },
    });
    expect(
      (await client.updateCollaboratorRoles(ACME_WEB.projectUid, PEOPLE.member, ["marketer"]))
        .roles,
    ).toEqual(["marketer"]);
    expect(await countOf(pair.lytics.url, "PUT /projects/:id/collaborators/:userUid")).toBe(2);

    await injectFault(pair.lytics.url, {
      route: "/projects/:id/collaborators",
      method: "POST",
      times: 1,
      fault: { kind: "status", status: 500 },
    });
    const error = await client
      .inviteCollaborators(ACME_WEB.projectUid, { emails: ["new@acme.test"], roles: ["observer"] })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ServerError);
    expect(error).toMatchObject({
      status: 500,
      api: "lytics-management",
      route: "/projects/:id/collaborators",
    });
    expect(await countOf(pair.lytics.url, "POST /projects/:id/collaborators")).toBe(1);
  });

  it("a truncated collaborator list is an InvalidResponseError, never a shorter list", async () => {
    const client = managementClient(pair.lytics.url, await ownerAuthtoken());
    await injectFault(pair.lytics.url, {
      route: "/projects/:id/collaborators",
      method: "GET",
      fault: { kind: "truncate" },
    });
    await expect(client.listCollaborators(ACME_WEB.projectUid)).rejects.toBeInstanceOf(
      InvalidResponseError,
    );
  });
});

describe("pacing per organization", () => {
  it("holds the configured rate across concurrent calls", async () => {
    const rate = 4;
    const client = managementClient(pair.lytics.url, await ownerAuthtoken(), {
      rateLimiter: createRateLimiter(rate, time),
      clock: time,
      fetch: time.fetch,
    });
    await Promise.all(Array.from({ length: 9 }, () => client.listProjects()));
    const starts = (await callLog(pair.lytics.url)).calls
      .map((entry) => entry.at)
      .sort((a, b) => a - b);
    expect(starts).toHaveLength(9);
    expectPaced(starts, rate);
  });

  it("shares one limiter between clients of the same organization by default", async () => {
    const credentials = await ownerAuthtoken();
    const options = {
      baseUrl: pair.lytics.url,
      organizationUid: "blt_org_acme",
      credentials,
      ratePerSecond: 3,
      clock: time,
      fetch: time.fetch,
    };
    const clients = [createLyticsManagementClient(options), createLyticsManagementClient(options)];
    await Promise.all(
      clients.flatMap((client) => [
        client.listProjects(),
        client.listProjects(),
        client.listProjects(),
      ]),
    );
    const starts = (await callLog(pair.lytics.url)).calls
      .map((entry) => entry.at)
      .sort((a, b) => a - b);
    expect(starts).toHaveLength(6);
    expectPaced(starts, 3);
  });
});
