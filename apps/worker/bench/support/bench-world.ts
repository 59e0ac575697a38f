// What every sync benchmark stands on: a private redis-server, both emulators (rate limits on:
// Contentstack's published 10 reads/s per organization, the Lytics emulator's 20/s per organization), the organization
// connected through the real OAuth flow (seedLocalInstallation), and the worker as a child process
// running src/main.ts, the entry point production runs. The bench talks to the worker only the way
// the web app and the CLI do (createEnqueuer, the queues) and to the emulators through their
// control APIs, so every figure is about the worker's real code.
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { createInterface } from "node:readline";

import { startEmulators, type RunningEmulators } from "@lytics-access/emulators";
import type { Fixture } from "@lytics-access/emulators";
import { startRedisServer, type RedisServerHandle } from "@lytics-access/redis-server";
import { Job, type Queue } from "bullmq";

import { DEFAULT_LYTICS_RATE_PER_SECOND } from "../../src/config/worker-config";
import { WORKER_NODE_FLAGS } from "../../src/runtime/worker-node-flags";
import { createEnqueuer, LOCAL_APP, seedLocalInstallation, type Enqueuer } from "../../src/index";

export const WORKER_DIR = path.resolve(import.meta.dirname, "..", "..");

/**
 * The limits the floors are computed from (see README "Benchmarks"): what Contentstack publishes,
 * and for Lytics, which publishes none, the budget the worker is configured to hold itself to.
 */
export const LIMITS = Object.freeze({
  /** Contentstack CMA: 10 GET/s per organization (api-notes Part B §3.3). */
  contentstackReadsPerSecond: 10,
  /**
   * Lytics publishes no limit (api-notes §1.4, §5.2): the worker's configured budget
   * (`LYTICS_RATE_PER_SECOND`, its default), which the bench also passes to the worker.
   */
  lyticsPerSecondConfigured: DEFAULT_LYTICS_RATE_PER_SECOND,
  /** What the Lytics emulator enforces per organization (for reference only). */
  lyticsPerSecondEmulator: 20,
  /** Items per CMA share page (the client's pageSize default, the CMA's cap). */
  contentstackPageSize: 100,
});

export interface BenchWorld {
  readonly redis: RedisServerHandle;
  readonly emulators: RunningEmulators;
  readonly keyring: string;
  readonly enqueuer: Enqueuer;
  close(): Promise<void>;
}

export interface Person {
  readonly uid: string;
  readonly email: string;
}

/** Redis, the emulators on `fixture`, and `orgUid` connected by `owner` as if they had authorized. */
export async function startBenchWorld(options: {
  fixture?: Fixture;
  orgUid: string;
  owner: Person;
}): Promise<BenchWorld> {
  const redis = await startRedisServer();
  const emulators = await startEmulators({
    csPort: 0,
    lyticsPort: 0,
    ...(options.fixture ? { fixture: options.fixture } : {}),
  });
  const keyring = JSON.stringify({
    currentKeyId: "k1",
    keys: { k1: randomBytes(32).toString("base64") },
  });
  await seedLocalInstallation({
    contentstackUrl: emulators.contentstack.url,
    redisUrl: redis.url,
    keyring,
    orgUid: options.orgUid,
    person: options.owner,
  });
  const enqueuer = createEnqueuer({ redisUrl: redis.url });
  return {
    redis,
    emulators,
    keyring,
    enqueuer,
    async close() {
      await enqueuer.close().catch(() => undefined);
      await emulators.close().catch(() => undefined);
      await redis.stop().catch(() => undefined);
    },
  };
}

export interface WorkerProcess {
  readonly pid: number;
  readonly httpUrl: string;
  /** Warnings and errors the worker logged (pino JSON lines), for the report. */
  readonly problems: string[];
  stop(): Promise<number | null>;
}

/** The worker's environment against the bench world; `extra` wins. */
export function workerEnv(
  world: BenchWorld,
  extra: Record<string, string> = {},
): Record<string, string> {
  const cs = world.emulators.contentstack.url;
  return {
    REDIS_URL: world.redis.url,
    STORE_KEYRING: world.keyring,
    WORKER_HTTP_PORT: "0",
    CONTENTSTACK_API_URL: cs,
    CONTENTSTACK_APP_URL: cs,
    CONTENTSTACK_DEVELOPER_HUB_URL: cs,
    LYTICS_MANAGEMENT_API_URL: world.emulators.lytics.url,
    CONTENTSTACK_APP_UID: LOCAL_APP.appUid,
    CONTENTSTACK_CLIENT_ID: LOCAL_APP.clientId,
    CONTENTSTACK_CLIENT_SECRET: LOCAL_APP.clientSecret,
    CONTENTSTACK_REDIRECT_URI: LOCAL_APP.redirectUri,
    LOG_LEVEL: "warn",
    // The Lytics budget the reconcile bench's floor is computed from, set explicitly.
    LYTICS_RATE_PER_SECOND: String(LIMITS.lyticsPerSecondConfigured),
    ...extra,
  };
}

/**
 * Spawns `node --optimize-for-size --import tsx src/main.ts` (WORKER_NODE_FLAGS; no wrapper process, so `pid` is the worker itself) and
 * resolves once it printed its ready line.
 */
export async function spawnWorker(env: Record<string, string>): Promise<WorkerProcess> {
  const child: ChildProcess = spawn(
    process.execPath,
    [...WORKER_NODE_FLAGS, "--import", "tsx", "src/main.ts"],
    { cwd: WORKER_DIR, env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] },
  );
  // If the bench dies, the worker must not outlive it.
  const killOnExit = () => child.kill("SIGKILL");
  process.once("exit", killOnExit);
  const problems: string[] = [];
  const exited = new Promise<number | null>((resolve) =>
    child.once("exit", (code) => resolve(code)),
  );
  child.stderr?.on("data", (chunk: Buffer) => problems.push(chunk.toString().trim()));
  const ready = new Promise<string>((resolve, reject) => {
    const lines = createInterface({ input: must(child.stdout, "the worker's stdout") });
    lines.on("line", (line) => {
      if (line.includes('"worker ready"')) {
        resolve((JSON.parse(line) as { http?: string }).http ?? "");
        return;
      }
      if (/"level":(40|50|60)/.test(line)) problems.push(line);
    });
    void exited.then((code) =>
      reject(new Error(`the worker exited (${code}) before it was ready: ${problems.join("\n")}`)),
    );
  });
  const httpUrl = await ready;
  return {
    pid: child.pid ?? -1,
    httpUrl,
    problems,
    async stop() {
      process.off("exit", killOnExit);
      if (child.exitCode !== null) return child.exitCode;
      child.kill("SIGTERM");
      return exited;
    },
  };
}

/** The value, or a clear error naming what was missing. */
export function must<T>(value: T | null | undefined, what: string): T {
  if (value === null || value === undefined) throw new Error(`missing: ${what}`);
  return value;
}

/** The generated organization and its Owner. */
export function largeOrganization(fixture: Fixture) {
  const org = must(fixture.organizations[0], "the fixture's organization");
  const owner = must(
    fixture.people.find((person) => person.uid === org.owner_uid),
    "the organization's Owner",
  );
  return { org, owner: { uid: owner.uid, email: owner.email } };
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** A finished job's return value, waiting for it to finish. */
export async function waitForJob(queue: Queue, id: string, timeoutMs: number): Promise<Job> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const job = await Job.fromId(queue, id);
    if (job?.finishedOn) return job;
    if (Date.now() > deadline) throw new Error(`job ${id} did not finish in ${timeoutMs} ms`);
    await sleep(100);
  }
}

/** The first finished job named `name` (the scheduler's first run), waiting for it. */
export async function waitForFirstFinished(
  queue: Queue,
  name: string,
  timeoutMs: number,
): Promise<Job> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const jobs = [...(await queue.getCompleted(0, 50)), ...(await queue.getFailed(0, 50))];
    const done = jobs
      .filter((job) => job.name === name && job.finishedOn)
      .sort((a, b) => (a.finishedOn ?? 0) - (b.finishedOn ?? 0));
    if (done[0]) return done[0];
    if (Date.now() > deadline) throw new Error(`no ${name} job finished in ${timeoutMs} ms`);
    await sleep(250);
  }
}

/** `/_emulator/*` on one emulator. */
export async function control<T = unknown>(
  baseUrl: string,
  route: string,
  method = "GET",
  body?: unknown,
): Promise<T> {
  const response = await fetch(`${baseUrl}/_emulator${route}`, {
    method,
    ...(body === undefined
      ? {}
      : { headers: { "content-type": "application/json" }, body: JSON.stringify(body) }),
  });
  if (!response.ok)
    throw new Error(`${method} /_emulator${route}: ${response.status} ${await response.text()}`);
  return (response.status === 204 ? undefined : await response.json()) as T;
}

export type CallCounts = Record<string, number>;

/** Both emulators' per-route call counts, `cs:`/`lytics:` prefixed. */
export async function callCounts(world: BenchWorld): Promise<CallCounts> {
  const counts: CallCounts = {};
  for (const [name, url] of [
    ["cs", world.emulators.contentstack.url],
    ["lytics", world.emulators.lytics.url],
  ] as const) {
    const snapshot = await control<{ counts: CallCounts }>(url, "/calls");
    for (const [key, n] of Object.entries(snapshot.counts)) counts[`${name}: ${key}`] = n;
  }
  return counts;
}

export async function resetCallCounts(world: BenchWorld): Promise<void> {
  await control(world.emulators.contentstack.url, "/calls", "DELETE");
  await control(world.emulators.lytics.url, "/calls", "DELETE");
}

export interface LyticsAccountView {
  aid: number;
  uid: string;
  organizationUid?: string;
  users: { email: string; roles: string[] }[];
}

export async function lyticsStore(world: BenchWorld): Promise<LyticsAccountView[]> {
  return (
    await control<{ accounts: LyticsAccountView[] }>(world.emulators.lytics.url, "/lytics/store")
  ).accounts;
}

/** The worker's own /proc figures, in MB. */
export function procMemory(pid: number): { rssMb: number; hwmMb: number } | null {
  try {
    const status = readFileSync(`/proc/${pid}/status`, "utf8");
    const kb = (field: string) =>
      Number(new RegExp(`^${field}:\\s+(\\d+) kB`, "m").exec(status)?.[1] ?? NaN);
    return { rssMb: round1(kb("VmRSS") / 1024), hwmMb: round1(kb("VmHWM") / 1024) };
  } catch {
    return null;
  }
}

/** Heap figures from the worker's /metrics (prom-client default metrics), in MB. */
export async function metricsHeap(
  httpUrl: string,
): Promise<{ heapUsedMb: number; heapTotalMb: number } | null> {
  try {
    const text = await (await fetch(`${httpUrl}/metrics`)).text();
    const value = (name: string) =>
      Number(new RegExp(`^${name} ([0-9.e+]+)`, "m").exec(text)?.[1] ?? NaN);
    return {
      heapUsedMb: round1(value("lytics_access_worker_nodejs_heap_size_used_bytes") / 1024 / 1024),
      heapTotalMb: round1(value("lytics_access_worker_nodejs_heap_size_total_bytes") / 1024 / 1024),
    };
  } catch {
    return null;
  }
}

export const round1 = (value: number) => Math.round(value * 10) / 10;
export const round3 = (value: number) => Math.round(value * 1000) / 1000;
