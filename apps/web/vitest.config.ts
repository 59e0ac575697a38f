import { defineProject } from "vitest/config";

export default defineProject({
  test: {
    name: "web",
    include: ["src/**/*.test.ts", "test/**/*.test.ts"],
    environment: "node",
    globalSetup: ["@lytics-access/redis-server/vitest-global-setup"],
    // Hang guards, not speed targets (CONTRIBUTING: speed lives in benchmarks).
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
  // `import "server-only"` throws outside a React Server Components build; route-handler tests
  // run the server modules directly in Node, where that guard has nothing to protect.
  resolve: {
    alias: { "server-only": new URL("./test/support/empty.ts", import.meta.url).pathname },
  },
});
