import { defineProject } from "vitest/config";

export default defineProject({
  test: { name: "lytics", include: ["src/**/*.test.ts", "test/**/*.test.ts"] },
});
