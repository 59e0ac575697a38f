import { defineProject } from "vitest/config";

export default defineProject({
  test: {
    name: "redis-server",
    include: ["src/**/*.test.ts"],
    // Exercised here exactly as other packages will use it: one private redis-server per run.
    globalSetup: ["./src/vitest-global-setup.ts"],
  },
});
