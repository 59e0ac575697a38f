// One worker test's world: fresh emulators, the test run's redis-server under prefixes of its own,
// the local Acme installation seeded, and (unless the test starts it itself) a worker running.
// `useWorkerWorld` registers the beforeAll/afterAll hooks in the suite it is called from.
import type { RunningEmulators } from "@lytics-access/emulators";
import type {} from "@lytics-access/redis-server/vitest-global-setup";
import { closeStoreRedis, createStoreRedis } from "@lytics-access/store";
import type { Redis } from "ioredis";
import { afterAll, beforeAll, inject } from "vitest";

import {
  seedLocalInstallation,
  type SeedLocalInstallationOptions,
} from "../../src/local/seed-local-installation";
import { startWorker, type RunningWorker } from "../../src/start-worker";
import { startTestEmulators, testKeyring, testPrefixes, workerEnv } from "./worker-env";

export interface WorkerWorldOptions {
  /** Settings added to `workerEnv`'s for the worker started in beforeAll. */
  env?: Record<string, string>;
  /** Who connected the seeded installation. @defaultValue LOCAL_ACME.owner */
  person?: SeedLocalInstallationOptions["person"];
  /** Start the worker in beforeAll; false when the test starts it with `world.startWorker`. */
  startWorker?: boolean;
  /** beforeAll's timeout. @defaultValue 60_000 */
  timeoutMs?: number;
}

export interface WorkerWorld {
  readonly emulators: RunningEmulators;
  readonly worker: RunningWorker;
  /** A store connection of the test's own, closed in afterAll. */
  readonly redis: Redis;
  readonly keyring: string;
  readonly queuePrefix: string;
  readonly storePrefix: string;
  /** Starts the world's worker (closed in afterAll) on `workerEnv` plus `env`. */
  startWorker(options?: {
    env?: Record<string, string>;
    now?: () => number;
  }): Promise<RunningWorker>;
}

export function useWorkerWorld(options: WorkerWorldOptions = {}): WorkerWorld {
  const keyring = testKeyring();
  const { queuePrefix, storePrefix } = testPrefixes();
  let emulators: RunningEmulators | undefined;
  let worker: RunningWorker | undefined;
  let redis: Redis | undefined;
  const ready = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`the worker world has no ${what} yet`);
    return value;
  };

  const world: WorkerWorld = {
    get emulators() {
      return ready(emulators, "emulators");
    },
    get worker() {
      return ready(worker, "worker");
    },
    get redis() {
      return ready(redis, "redis connection");
    },
    keyring,
    queuePrefix,
    storePrefix,
    async startWorker({ env, now } = {}) {
      worker = await startWorker({
        env: workerEnv(inject("redisUrl"), world.emulators, keyring, env),
        queuePrefix,
        storePrefix,
        ...(now ? { now } : {}),
      });
      return worker;
    },
  };

  beforeAll(async () => {
    emulators = await startTestEmulators();
    redis = createStoreRedis(inject("redisUrl"));
    await seedLocalInstallation({
      contentstackUrl: emulators.contentstack.url,
      redisUrl: inject("redisUrl"),
      keyring,
      storePrefix,
      ...(options.person ? { person: options.person } : {}),
    });
    if (options.startWorker ?? true) await world.startWorker({ env: options.env ?? {} });
  }, options.timeoutMs ?? 60_000);

  afterAll(async () => {
    await worker?.close();
    if (redis) await closeStoreRedis(redis);
    await emulators?.close();
  });

  return world;
}
