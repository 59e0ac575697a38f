import { defineConfig } from "vitest/config";

// Every workspace with a vitest.config.ts is a project: `vitest run` here runs them all in one
// process pool and prints one summary; `npx vitest run --project <name>` runs one.
export default defineConfig({
  test: {
    projects: [
      "packages/*/vitest.config.ts",
      "apps/*/vitest.config.ts",
      "scripts/vitest.config.ts",
    ],
  },
});
