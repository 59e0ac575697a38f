// The worker's HTTP surface: health, readiness, metrics, and a queue view that refuses anyone
// without the operator token. Logs never carry a secret.
import type {} from "@lytics-access/redis-server/vitest-global-setup";
import { Writable } from "node:stream";

import { Queue } from "bullmq";
import { Redis } from "ioredis";
import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";

import { isOperator } from "../src/http/operator-auth";
import { startWorkerHttpServer, type WorkerHttpServer } from "../src/http/worker-http-server";
import { createWorkerMetrics } from "../src/http/worker-metrics";
import { createWorkerLogger } from "../src/log/create-logger";
import { createQueueConnection } from "../src/queues/redis-connection";
import { openStores } from "../src/runtime/open-stores";
import { loadWorkerConfig } from "../src/config/worker-config";
import { WorkerConfigError } from "../src/config/worker-config-error";
import { testKeyring, testPrefixes, workerEnv } from "./support/worker-env";

const TOKEN = "operator-token-for-tests-0001";
let server: WorkerHttpServer;
let queue: Queue;
let connection: Redis;

beforeAll(async () => {
  connection = new Redis(inject("redisUrl"), { maxRetriesPerRequest: null });
  queue = new Queue("sync", {
    connection,
    prefix: testPrefixes().queuePrefix,
  });
  server = await startWorkerHttpServer({
    host: "127.0.0.1",
    port: 0,
    operatorToken: TOKEN,
    metrics: createWorkerMetrics({ defaultMetrics: false }),
    queues: [queue],
    logger: pino({ level: "silent" }),
    ready: async () => ({ ok: true, checks: { redis: true, workers: true } }),
  });
});

afterAll(async () => {
  await server?.close();
  await queue.close();
  connection.disconnect();
});

describe("http", () => {
  it("answers health, readiness and metrics", async () => {
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    expect((await fetch(`${server.url}/readyz`)).status).toBe(200);
    const metrics = await fetch(`${server.url}/metrics`);
    expect(metrics.status).toBe(200);
    expect(await metrics.text()).toContain(
      'lytics_access_queue_jobs{queue="sync",state="waiting"}',
    );
  });

  it("refuses the queue view without the operator token", async () => {
    expect((await fetch(`${server.url}/queues`)).status).toBe(401);
    expect(
      (
        await fetch(`${server.url}/queues/api/queues`, {
          headers: { authorization: "Bearer wrong-token-000000000" },
        })
      ).status,
    ).toBe(401);
    const ok = await fetch(`${server.url}/queues/api/queues`, {
      headers: { authorization: `Bearer ${TOKEN}` },
    });
    expect(ok.status).toBe(200);
    const basic = Buffer.from(`ops:${TOKEN}`).toString("base64");
    expect(isOperator(`Basic ${basic}`, TOKEN)).toBe(true);
    expect(isOperator(`Bearer ${TOKEN}`, undefined)).toBe(false);
  });
});

describe("logs", () => {
  it("never carry a secret", () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(chunk.toString());
        done();
      },
    });
    const logger = createWorkerLogger({ level: "info", destination: sink });
    const secret = "s3cr3t-refresh-token-value";
    logger.info(
      { refreshToken: secret, tokens: { accessToken: secret, refresh_token: secret } },
      "refreshed",
    );
    logger.info(
      { req: { headers: { authorization: `Bearer ${secret}`, cookie: `cs_authtoken=${secret}` } } },
      "call",
    );
    logger.error(
      { err: Object.assign(new Error("boom"), { code: "X" }), client_secret: secret },
      "failed",
    );
    expect(lines).toHaveLength(3);
    for (const line of lines) expect(line).not.toContain(secret);
    expect(lines[2]).toContain('"code":"X"');
  });
});

describe("logs of a refused Redis password", () => {
  it("never carry the password ioredis keeps on the AUTH error (err.command.args)", async () => {
    // A Redis user whose password the worker's setting gets wrong (a typo of the real one).
    const user = `la-log-test-${process.pid}`;
    const wrongPassword = "wr0ng-redis-password-typo-0001";
    await connection.call("ACL", "SETUSER", user, "on", ">the-real-password-0001", "~*", "+@all");
    const url = new URL(inject("redisUrl"));
    url.username = user;
    url.password = wrongPassword;
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(chunk.toString());
        done();
      },
    });
    const logger = createWorkerLogger({ level: "info", destination: sink });
    const stores = openStores({
      redisUrl: url.toString(),
      keyring: testKeyring(),
      auditRetentionDays: 1,
      logger,
    });
    const queueConnection = createQueueConnection(url.toString(), "worker", logger, "test:queue");
    try {
      for (let i = 0; i < 200; i += 1) {
        if (
          lines.some((line) => line.includes("store redis error")) &&
          lines.some((line) => line.includes("redis connection error"))
        )
          break;
        await new Promise((resolve) => setImmediate(resolve));
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      const refused = lines.filter((line) => /WRONGPASS/.test(line));
      expect(refused.length).toBeGreaterThan(0);
      for (const line of lines) expect(line).not.toContain(wrongPassword);
      // What went wrong is still there: the error, and which command it was.
      expect(refused[0]).toMatch(/"command":{"name":"(hello|auth)","args":"\[redacted\]"}/);
    } finally {
      stores.redis.disconnect();
      queueConnection.disconnect();
      await connection.call("ACL", "DELUSER", user);
    }
  });

  it("never carry a failed command's arguments, wherever the error sits", () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(chunk.toString());
        done();
      },
    });
    const logger = createWorkerLogger({ level: "info", destination: sink });
    const secret = "s3cr3t-command-argument";
    const failed = Object.assign(new Error("ERR something"), {
      command: { name: "hset", args: ["key", secret] },
    });
    logger.warn({ err: failed }, "direct");
    logger.warn({ err: new Error("wrapped", { cause: failed }) }, "as a cause");
    logger.warn({ err: new AggregateError([failed], "several") }, "in an aggregate");
    expect(lines).toHaveLength(3);
    for (const line of lines) expect(line).not.toContain(secret);
    // Which command failed is kept.
    expect(lines[0]).toContain('"command":{"name":"hset","args":"[redacted]"}');
  });
});

describe("config", () => {
  it("names each bad variable, never its value", () => {
    const env = workerEnv("http://not-redis", undefined, testKeyring(), {
      SYNC_INTERVAL_MS: "soon",
      OPERATOR_TOKEN: "",
    });
    const error = (() => {
      try {
        loadWorkerConfig(env);
      } catch (caught) {
        return caught;
      }
    })();
    expect(error).toBeInstanceOf(WorkerConfigError);
    const message = (error as Error).message;
    expect(message).toContain("REDIS_URL");
    expect(message).toContain("SYNC_INTERVAL_MS");
    expect(message).not.toContain("not-redis");
    const ok = loadWorkerConfig(workerEnv("redis://127.0.0.1:6379", undefined, testKeyring()));
    expect(ok.http.host).toBe("127.0.0.1");
    expect(ok.maxRemovalShare).toBe(0.2);
  });
});
