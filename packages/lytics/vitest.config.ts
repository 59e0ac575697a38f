import { defineProject } from "vitest/config";

export default defineProject({
  test: {
    name: "lytics",
    include: ["src/**/*.test.ts", "test/**/*.test.ts"],
    // Hang guards, not speed targets: a busy machine runs these several times slower than an idle
    // one. Speed lives in `npm run bench`.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
