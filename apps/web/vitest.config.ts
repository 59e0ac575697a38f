import { defineProject } from "vitest/config";

export default defineProject({
  test: {
    name: "web",
    // Component tests are `test/components/*.test.tsx`, each in happy-dom (`@vitest-environment`).
    include: ["src/**/*.test.{ts,tsx}", "test/**/*.test.{ts,tsx}"],
    environment: "node",
    globalSetup: ["@lytics-access/redis-server/vitest-global-setup"],
    // Hang guards, not speed targets (CONTRIBUTING: speed lives in benchmarks).
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
  // `import "server-only"` throws outside a React Server Components build; route-handler tests
  // run the server modules directly in Node, where that guard has nothing to protect.
  resolve: {
    alias: {
      "server-only": new URL("./test/support/empty.ts", import.meta.url).pathname,
      "@/": new URL("./src/", import.meta.url).pathname,
    },
  },
});
