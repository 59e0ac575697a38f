// Vitest globalSetup: one private redis-server per test run, its URL handed to the tests as
// `inject("redisUrl")`. Tests isolate themselves with their own key prefixes or queue names.
import type { TestProject } from "vitest/node";

import { startRedisServer } from "./start-redis-server";

declare module "vitest" {
  export interface ProvidedContext {
    redisUrl: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const redis = await startRedisServer();
  project.provide("redisUrl", redis.url);
  return () => redis.stop();
}
