// An OAuth token that expires in the middle of a long member listing: the client refreshes it
// (once, for all requests), hands the rotated pair to `onRefresh`, and the listing completes.
// Time is virtual and shared with the emulator (createVirtualTime): the token's 1 s lifetime
// and the 10 reads/s pacing meet exactly as planned, whatever the machine's speed.
import { pino } from "pino";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  AuthError,
  createContentstackClient,
  createOAuthClient,
  createRateLimiter,
  type OAuthTokens,
} from "../src/index";
import {
  APP,
  ORG,
  authorizeInEmulator,
  calls,
  control,
  fixtureWithManyMembers,
  startEmulator,
  type Emulator,
} from "./support/emulator";
import { createVirtualTime, type VirtualTime } from "@lytics-access/emulators/testing";

let emulator: Emulator;
let time: VirtualTime = createVirtualTime();

beforeAll(async () => {
  emulator = await startEmulator({
    tokenTtlSeconds: 1,
    fixture: fixtureWithManyMembers(260),
    now: () => time.now(),
  });
});
beforeEach(() => {
  time = createVirtualTime(time.now() + 60_000);
});
afterAll(async () => {
  await emulator.close();
});

async function setup() {
  const oauth = createOAuthClient({
    ...APP,
    overrides: { apiUrl: emulator.url, appUrl: emulator.url, developerHubUrl: emulator.url },
    logger: pino({ level: "silent" }),
    now: () => time.now(),
  });
  const { state, codeVerifier } = oauth.createLoginSecrets();
  const callback = await authorizeInEmulator(
    emulator,
    await oauth.authorizationUrl({ state, codeVerifier }),
    "blt_user_olivia",
  );
  const tokens = await oauth.exchangeCode({
    ...oauth.parseCallback(callback, state),
    codeVerifier,
  });
  const refreshed: OAuthTokens[] = [];
  return { oauth, tokens, refreshed };
}

describe("token refresh during a long listing", () => {
  it("refreshes before expiry mid-pagination and finishes the listing", async () => {
    const { oauth, tokens, refreshed } = await setup();
    await control(emulator, "DELETE", "/calls");
    const client = createContentstackClient({
      overrides: { apiUrl: emulator.url },
      organizationUid: ORG,
      credentials: {
        kind: "oauth",
        accessToken: tokens.accessToken,
        refreshToken: tokens.refreshToken,
        expiresAt: tokens.expiresAt,
        refresher: oauth,
        refreshSkewMs: 300,
        onRefresh: (next) => {
          refreshed.push(next);
        },
      },
      pageSize: 10,
      limiter: createRateLimiter({ clock: time }),
      clock: time,
      fetch: time.fetch,
      logger: pino({ level: "silent" }),
    });
    const members = await client.listMembers();
    expect(members).toHaveLength(268);
    // 29 reads at 10/s take 3 s of (virtual) time against a 1 s token: one refresh per window
    // of 10 reads, each rotating the pair.
    expect(refreshed.length).toBeGreaterThanOrEqual(2);
    expect(new Set(refreshed.map((next) => next.refreshToken)).size).toBe(refreshed.length);
    const recorded = (await calls(emulator)).calls;
    expect(
      recorded.filter((call) => call.key.startsWith("GET /v3") && call.status === 401),
    ).toEqual([]);
  });

  it("recovers from a 401 (token expired in flight) by refreshing once and replaying", async () => {
    const { oauth, tokens, refreshed } = await setup();
    time.advance(1100); // the emulator's 1 s token is over
    const client = createContentstackClient({
      overrides: { apiUrl: emulator.url },
      organizationUid: ORG,
      // We believe the token is good for an hour; the server knows better.
      credentials: {
        kind: "oauth",
        accessToken: tokens.accessToken,
        refreshToken: tokens.refreshToken,
        expiresAt: time.now() + 3_600_000,
        refreshSkewMs: 0,
        refresher: oauth,
        onRefresh: (next) => void refreshed.push(next),
      },
      clock: time,
      limiter: createRateLimiter(),
      logger: pino({ level: "silent" }),
    });
    expect((await client.getOrganization()).uid).toBe(ORG);
    expect(refreshed).toHaveLength(1);
  });

  it("without a refresher an expired token is an AuthError", async () => {
    const { tokens } = await setup();
    const client = createContentstackClient({
      overrides: { apiUrl: emulator.url },
      organizationUid: ORG,
      credentials: { kind: "oauth", accessToken: tokens.accessToken, expiresAt: time.now() - 1 },
      clock: time,
      limiter: createRateLimiter(),
      logger: pino({ level: "silent" }),
    });
    await expect(client.getOrganization()).rejects.toBeInstanceOf(AuthError);
  });
});
