import { describe, expect, inject, it } from "vitest";

import {
  closeStoreRedis,
  createStoreRedis,
  parseRedisUrl,
} from "../src/connection/create-store-redis";
import { InvalidRedisUrlError } from "../src/errors/invalid-redis-url-error";

describe("createStoreRedis", () => {
  it("connects in both roles, and closing is idempotent", async () => {
    const store = createStoreRedis(inject("redisUrl"));
    const bullmq = createStoreRedis(inject("redisUrl"), {
      role: "bullmq",
      connectionName: "test-worker",
    });
    expect(await store.ping()).toBe("PONG");
    expect(await bullmq.ping()).toBe("PONG");
    expect(bullmq.options.maxRetriesPerRequest).toBeNull();
    expect(store.options.maxRetriesPerRequest).toBe(3);
    await closeStoreRedis(store);
    await closeStoreRedis(store);
    await closeStoreRedis(bullmq);
    expect(store.status).toBe("end");
  });

  it("refuses a missing or non-Redis URL with a clear error", () => {
    expect(() => parseRedisUrl(undefined)).toThrow(InvalidRedisUrlError);
    expect(() => createStoreRedis("http://localhost:6379")).toThrow(/protocol http:/);
    expect(() => createStoreRedis("not a url")).toThrow(/not a URL/);
    expect(parseRedisUrl("rediss://user:pw@cache.example:6380/1").port).toBe("6380");
  });
});
