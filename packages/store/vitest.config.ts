import { defineProject } from "vitest/config";

export default defineProject({
  test: {
    name: "store",
    include: ["src/**/*.test.ts", "test/**/*.test.ts"],
    // A private redis-server per run: every store is tested against real Redis, never a mock.
    globalSetup: ["@lytics-access/redis-server/vitest-global-setup"],
  },
});
