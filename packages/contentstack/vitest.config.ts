import { defineProject } from "vitest/config";

export default defineProject({
  test: { name: "contentstack", include: ["src/**/*.test.ts", "test/**/*.test.ts"] },
});
