// Structured logs never carry a credential: every secret of a full session (authtoken, access
// and refresh tokens, client secret, PKCE verifier, code) is searched for in the log output.
import { Writable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createContentstackClient,
  createContentstackLogger,
  createOAuthClient,
  createRateLimiter,
} from "../src/index";
import {
  APP,
  ORG,
  OWNER,
  addFault,
  authorizeInEmulator,
  authtokenFor,
  startEmulator,
  type Emulator,
} from "./support/emulator";
import { createVirtualTime } from "@lytics-access/emulators/testing";

// The emulator, the OAuth client and the client share one virtual timeline: the 1 s token runs
// out when the test moves time on, not when a busy machine happens to be slow.
const time = createVirtualTime();
let emulator: Emulator;
beforeAll(async () => {
  emulator = await startEmulator({ tokenTtlSeconds: 1, now: time.now });
});
afterAll(async () => {
  await emulator.close();
});

function memoryLogger() {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk, _encoding, callback) {
      lines.push(String(chunk));
      callback();
    },
  });
  return {
    logger: createContentstackLogger({ level: "trace", destination }),
    output: () => lines.join(""),
  };
}

describe("logs", () => {
  it("record calls, retries and refreshes without any token or secret", async () => {
    const { logger, output } = memoryLogger();
    const oauth = createOAuthClient({
      ...APP,
      clientSecret: APP.clientSecret,
      overrides: { apiUrl: emulator.url, appUrl: emulator.url, developerHubUrl: emulator.url },
      logger,
      now: time.now,
    });
    const { state, codeVerifier } = oauth.createLoginSecrets();
    const callback = await authorizeInEmulator(
      emulator,
      await oauth.authorizationUrl({ state, codeVerifier }),
      OWNER,
    );
    const { code } = oauth.parseCallback(callback, state);
    const tokens = await oauth.exchangeCode({ code, codeVerifier, location: "NA" });
    const secrets = [
      APP.clientSecret,
      codeVerifier,
      code,
      tokens.accessToken,
      tokens.refreshToken ?? "missing",
    ];
    const client = createContentstackClient({
      overrides: { apiUrl: emulator.url },
      organizationUid: ORG,
      credentials: {
        kind: "oauth",
        accessToken: tokens.accessToken,
        refreshToken: tokens.refreshToken,
        expiresAt: tokens.expiresAt,
        refresher: oauth,
        refreshSkewMs: 500,
        onRefresh: (next) => {
          secrets.push(next.accessToken, next.refreshToken ?? "missing");
        },
      },
      logger,
      limiter: createRateLimiter({ clock: time }),
      clock: time,
      retry: { retries: 2, minDelayMs: 10 },
    });
    await addFault(emulator, {
      route: "/v3/organizations/:org_uid/share",
      method: "GET",
      times: 1,
      fault: { kind: "status", status: 503 },
    });
    await client.listMembers();
    time.advance(800); // within the 500 ms refresh skew of the 1 s token: the next call refreshes
    await client.getUser();
    const authtoken = await authtokenFor(emulator, OWNER);
    secrets.push(authtoken);
    const session = createContentstackClient({
      overrides: { apiUrl: emulator.url },
      organizationUid: ORG,
      credentials: { kind: "authtoken", authtoken },
      logger,
      limiter: createRateLimiter(),
    });
    await session.getOrganization();
    await createContentstackClient({
      overrides: { apiUrl: emulator.url },
      organizationUid: ORG,
      credentials: { kind: "authtoken", authtoken: `${authtoken}x` },
      logger,
      retry: { retries: 0 },
    })
      .getOrganization()
      .catch(() => undefined);

    const text = output();
    // The log is real: requests, the retry, the refresh and the failure are all there.
    expect(text).toMatch(/"msg":"contentstack request"/);
    expect(text).toMatch(/"msg":"contentstack call failed; retrying"/);
    expect(text).toMatch(/"msg":"contentstack oauth tokens issued"/);
    expect(text).toMatch(/"status":401/);
    expect(secrets.length).toBeGreaterThanOrEqual(8);
    for (const secret of secrets) expect(text).not.toContain(secret);
  });

  it("redact credentials that a careless log line would carry", () => {
    const { logger, output } = memoryLogger();
    logger.info(
      {
        headers: { authorization: "Bearer live-token-1", authtoken: "blt-session-2" },
        accessToken: "at-3",
        tokens: { refresh_token: "rt-4" },
        client_secret: "cs-5",
      },
      "oops",
    );
    const text = output();
    for (const secret of ["live-token-1", "blt-session-2", "at-3", "rt-4", "cs-5"])
      expect(text).not.toContain(secret);
    expect(text).toContain("[redacted]");
  });
});
