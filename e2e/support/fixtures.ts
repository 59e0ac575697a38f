// The suites' `test`: every test gets its own Chromium with a fresh persistent profile (third-party
// cookies as its project says, storage partitioning on), the running system's addresses, the
// emulators' control API and the page objects a person's steps are written with.
import { test as base, expect, type BrowserContext, type Page } from "@playwright/test";
import { rmSync } from "node:fs";

import { HostShell } from "../pages/host-shell";
import { CHROMIUM, freshProfile, launchArgs, type ThirdPartyCookies } from "./browser";
import { EmulatorControl } from "./emulator-control";
import { systemInfo, type SystemInfo } from "./system-info";

export interface E2EOptions {
  /** Set per project in playwright.config.ts. */
  thirdPartyCookies: ThirdPartyCookies;
}

interface E2EFixtures {
  context: BrowserContext;
  page: Page;
  shell: HostShell;
}

interface E2EWorkerFixtures {
  system: SystemInfo;
  emulator: EmulatorControl;
}

export const test = base.extend<E2EFixtures & E2EOptions, E2EWorkerFixtures>({
  thirdPartyCookies: ["allowed", { option: true }],
  // Playwright reads the fixtures a fixture needs from its first parameter: none here.
  // eslint-disable-next-line no-empty-pattern
  system: [async ({}, use) => use(systemInfo()), { scope: "worker" }],
  emulator: [async ({ system }, use) => use(new EmulatorControl(system)), { scope: "worker" }],
  context: async ({ playwright, thirdPartyCookies, viewport }, use) => {
    const profile = freshProfile(thirdPartyCookies);
    const { args, ignoreDefaultArgs } = launchArgs();
    const context = await playwright.chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      args,
      ignoreDefaultArgs,
      viewport: viewport ?? { width: 1280, height: 800 },
    });
    try {
      await use(context);
    } finally {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    }
  },
  page: async ({ context }, use) => {
    await use(context.pages()[0] ?? (await context.newPage()));
  },
  shell: async ({ page, system }, use) => use(new HostShell(page, system)),
});

export { expect };
