import { defineProject } from "vitest/config";

export default defineProject({
  test: {
    name: "redis-server",
    include: ["src/**/*.test.ts"],
    // Exercised here exactly as other packages will use it: one private redis-server per run.
    globalSetup: ["./src/vitest-global-setup.ts"],
    // Hang guards, not speed targets: a busy machine runs these several times slower than an idle
    // one. Speed lives in `npm run bench`.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
