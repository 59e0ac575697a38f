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

  it("hands onError a refused password's error without the password ioredis keeps on it", async () => {
    const admin = createStoreRedis(inject("redisUrl"));
    const user = `la-store-test-${process.pid}`;
    const wrongPassword = "wr0ng-store-password-0001";
    await admin.call("ACL", "SETUSER", user, "on", ">the-real-password-0001", "~*", "+@all");
    const url = new URL(inject("redisUrl"));
    url.username = user;
    url.password = wrongPassword;
    const errors: Error[] = [];
    const refused = createStoreRedis(url.toString(), { onError: (error) => errors.push(error) });
    try {
      for (let i = 0; i < 200 && errors.length === 0; i += 1)
        await new Promise((resolve) => setTimeout(resolve, 10));
      expect(errors.length).toBeGreaterThan(0);
      expect(errors[0]?.message).toMatch(/WRONGPASS/);
      expect((errors[0] as Error & { command?: unknown }).command).toMatchObject({
        args: "[redacted]",
      });
      for (const error of errors) expect(JSON.stringify(error)).not.toContain(wrongPassword);
    } finally {
      refused.disconnect();
      await admin.call("ACL", "DELUSER", user);
      await closeStoreRedis(admin);
    }
  });

  it("refuses a missing or non-Redis URL with a clear error", () => {
    expect(() => parseRedisUrl(undefined)).toThrow(InvalidRedisUrlError);
    expect(() => createStoreRedis("http://localhost:6379")).toThrow(/protocol http:/);
    expect(() => createStoreRedis("not a url")).toThrow(/not a URL/);
    expect(parseRedisUrl("rediss://user:pw@cache.example:6380/1").port).toBe("6380");
  });
});
