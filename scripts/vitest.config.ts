import { defineProject } from "vitest/config";

// Time limits catch hangs, not speed: a launcher test may build the web app (about a minute on
// two busy cores) when turbo's cache has no build for the current sources.
export default defineProject({
  test: { name: "scripts", include: ["**/*.test.ts"], testTimeout: 300_000, hookTimeout: 300_000 },
});
