// The end-to-end suites: Debian's Chromium (never a downloaded browser) over the whole system,
// started once by the global setup. Two projects differ only in the browser profile: third-party
// cookies allowed (stock Chrome) and blocked (this build's default, and where Chrome is going).
// Tests tagged @both run in each; the rest change shared state (people removed, promoted,
// consented) and run once, in the stricter blocked profile.
import path from "node:path";

import { defineConfig } from "@playwright/test";

import type { E2EOptions } from "./support/fixtures";

const artifacts = path.resolve(import.meta.dirname, "..", ".cache", "e2e");

export default defineConfig<E2EOptions>({
  testDir: "./tests",
  globalSetup: "./support/global-setup.ts",
  outputDir: path.join(artifacts, "test-results"),
  fullyParallel: true,
  workers: 2,
  retries: 0,
  forbidOnly: Boolean(process.env.CI),
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [
    ["list"],
    // `npm test` names the file (PLAYWRIGHT_JSON_OUTPUT_NAME) and counts the results from it.
    [
      "json",
      {
        outputFile: process.env.PLAYWRIGHT_JSON_OUTPUT_NAME ?? path.join(artifacts, "results.json"),
      },
    ],
    ["html", { outputFolder: path.join(artifacts, "report"), open: "never" }],
  ],
  use: {
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    video: "off",
  },
  projects: [
    { name: "3pc-allowed", use: { thirdPartyCookies: "allowed" }, grep: /@both/ },
    { name: "3pc-blocked", use: { thirdPartyCookies: "blocked" } },
  ],
});
