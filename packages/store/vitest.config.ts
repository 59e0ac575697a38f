import { defineProject } from "vitest/config";

export default defineProject({
  test: {
    name: "store",
    include: ["src/**/*.test.ts", "test/**/*.test.ts"],
    // A private redis-server per run: every store is tested against real Redis, never a mock.
    globalSetup: ["@lytics-access/redis-server/vitest-global-setup"],
    // Hang guards, not speed targets: a busy machine runs these several times slower than an idle
    // one. Speed lives in `npm run bench`.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
