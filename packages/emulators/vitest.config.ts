import { defineProject } from "vitest/config";

export default defineProject({
  test: {
    name: "emulators",
    include: ["src/**/*.test.ts", "test/**/*.test.ts"],
    // Hang guards, not speed targets: these tests start servers, child processes and Chromium, which
    // take several times longer on a busy machine than on an idle one. Speed lives in `npm run bench`.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
