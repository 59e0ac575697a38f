import { defineProject } from "vitest/config";

export default defineProject({
  test: { name: "redis-server", include: ["src/**/*.test.ts"] },
});
