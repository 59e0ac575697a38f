// The call pipeline against a local server: the same error fields whatever the service, Retry-After
// honoured and the limiter paused, one replay after a 401 when the credential changed, and no
// credential in the logs.
import { Writable } from "node:stream";
import { afterEach, describe, expect, it } from "vitest";
import {
  BadRequestError,
  RateLimitedError,
  createApiTransport,
  createLogger,
  readContentstackErrorBody,
  type RateLimiter,
} from "../src/index";
import { startLocalServer, type LocalServer } from "./local-server";

const servers: LocalServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

function recordingLimiter() {
  const paused: Array<[string, number]> = [];
  const limiter: RateLimiter = {
    acquire: async () => undefined,
    pause: (key, ms) => void paused.push([key, ms]),
  };
  return { limiter, paused };
}

function memoryLogger() {
  let output = "";
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      output += chunk.toString();
      done();
    },
  });
  return { logger: createLogger({ level: "trace", destination }), output: () => output };
}

describe("createApiTransport", () => {
  it("maps an error body into the family, honours Retry-After and keeps secrets out of logs", async () => {
    let calls = 0;
    const server = await startLocalServer((_request, response) => {
      calls++;
      if (calls === 1) {
        response
          .writeHead(429, { "retry-after": "2", "x-request-id": "req-1" })
          .end(JSON.stringify({ error_message: "Too many", error_code: 141 }));
      } else {
        response.writeHead(400).end(
          JSON.stringify({
            error_message: "bad",
            error_code: 119,
            errors: { emails: ["is invalid"] },
          }),
        );
      }
    });
    servers.push(server);
    const { limiter, paused } = recordingLimiter();
    const { logger, output } = memoryLogger();
    const waits: number[] = [];
    const transport = createApiTransport({
      api: "contentstack-cma",
      logName: "test",
      credentials: {
        headers: async () => ({ authtoken: "blt-secret-1" }),
        afterUnauthorized: async () => false,
      },
      limiter,
      timeoutMs: 5000,
      logger,
      readError: readContentstackErrorBody,
      clock: { now: () => 0, sleep: async (ms) => void waits.push(ms) },
      random: () => 0,
    });
    const error = await transport({
      method: "POST",
      url: `${server.url}/v3/x`,
      body: { emails: ["a@b.c"] },
      operation: "POST /v3/x",
      limiterKey: "org:write",
    }).catch((caught: unknown) => caught);
    // The 429 was retried although a POST is not safe to repeat, after the 2 s asked for.
    expect(paused).toEqual([["org:write", 2000]]);
    expect(waits).toEqual([2000]);
    expect(error).toBeInstanceOf(BadRequestError);
    expect(error).toMatchObject({
      code: "BAD_REQUEST",
      status: 400,
      retryable: false,
      api: "contentstack-cma",
      apiCode: 119,
      operation: "POST /v3/x",
      method: "POST",
      route: "/v3/x",
      fieldErrors: { emails: [{ code: "invalid", message: "is invalid" }] },
    });
    expect(output()).toMatch(/"msg":"test call failed; retrying"/);
    expect(output()).not.toContain("blt-secret-1");
    expect(new RateLimitedError("x").status).toBe(429);
  });

  it("shuts the key for every caller after a 429 that names no Retry-After, as long as the retry waits", async () => {
    let calls = 0;
    const server = await startLocalServer((_request, response) => {
      calls++;
      // Lytics answers a bare 429: no Retry-After, no body.
      if (calls <= 2) response.writeHead(429).end();
      else response.end("[]");
    });
    servers.push(server);
    const { limiter, paused } = recordingLimiter();
    const waits: number[] = [];
    const transport = createApiTransport({
      api: "lytics-management",
      logName: "test",
      credentials: { headers: async () => ({}), afterUnauthorized: async () => false },
      limiter,
      timeoutMs: 5000,
      logger: createLogger({ level: "silent" }),
      readError: () => ({}),
      clock: { now: () => 0, sleep: async (ms) => void waits.push(ms) },
      random: () => 0,
    });
    const response = await transport({
      method: "GET",
      url: `${server.url}/projects`,
      operation: "GET /projects",
      limiterKey: "acct:read",
    });
    expect(response.status).toBe(200);
    // Half of each attempt's backoff cap (250 ms, then 500 ms): the key and the retry agree.
    expect(paused).toEqual([
      ["acct:read", 125],
      ["acct:read", 250],
    ]);
    expect(waits).toEqual([125, 250]);
  });

  it("replays once after a 401 when the credential source has a new token", async () => {
    const server = await startLocalServer((request, response) => {
      if (request.headers.authorization === "Bearer fresh") response.end("{}");
      else response.writeHead(401).end(JSON.stringify({ message: "Not authorized", status: 401 }));
    });
    servers.push(server);
    let token = "stale";
    const transport = createApiTransport({
      api: "lytics-management",
      logName: "test",
      credentials: {
        headers: async () => ({ authorization: `Bearer ${token}` }),
        afterUnauthorized: async (sent) => {
          expect(sent.authorization).toBe("Bearer stale");
          token = "fresh";
          return true;
        },
      },
      limiter: recordingLimiter().limiter,
      timeoutMs: 5000,
      logger: createLogger({ level: "silent" }),
      readError: () => ({}),
    });
    const response = await transport({
      method: "GET",
      url: `${server.url}/projects`,
      operation: "GET /projects",
      limiterKey: "org",
    });
    expect(response).toMatchObject({ status: 200, body: {} });
    expect(server.seen).toHaveLength(2);
  });
});
