// How the suites launch Debian's Chromium so that the embedding behaves as in a person's Chrome
// (../../../shared/browser-realism.md): a fresh persistent profile per test whose preferences set
// third-party cookies explicitly (this build blocks them by default; stock Chrome allows them),
// and storage partitioning switched back on (Playwright turns it off).
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";

export type ThirdPartyCookies = "allowed" | "blocked";

export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const BRIEFED_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
];

/**
 * Playwright's own `--disable-features=…` switch, read from the playwright-core it runs. It lists
 * ThirdPartyStoragePartitioning, and a later `--enable-features` cannot undo it, so the exact
 * switch is dropped (`ignoreDefaultArgs`) and passed again without that feature. Should a
 * Playwright upgrade change where the list lives, nothing is dropped and the storage-partitioning
 * guard test fails, as it must.
 */
function playwrightDisabledFeatures(): string[] | undefined {
  try {
    const require = createRequire(import.meta.url);
    const core = path.dirname(require.resolve("playwright-core/package.json"));
    const source = readFileSync(path.join(core, "lib", "coreBundle.js"), "utf8");
    const list = /\n\s*disabledFeatures = \[([\s\S]*?)\]\.filter\(Boolean\);/.exec(source)?.[1];
    if (!list) return undefined;
    return [...list.matchAll(/^\s*"([^"]+)",?\s*$/gm)].map((match) => match[1] as string);
  } catch {
    return undefined;
  }
}

export function launchArgs(): { args: string[]; ignoreDefaultArgs: string[] } {
  const disabled = playwrightDisabledFeatures();
  if (!disabled) return { args: BRIEFED_ARGS, ignoreDefaultArgs: [] };
  const kept = disabled.filter((feature) => feature !== "ThirdPartyStoragePartitioning");
  return {
    args: [...BRIEFED_ARGS, `--disable-features=${kept.join(",")}`],
    ignoreDefaultArgs: [`--disable-features=${disabled.join(",")}`],
  };
}

/** A new profile folder whose `Default/Preferences` blocks or allows third-party cookies. */
export function freshProfile(cookies: ThirdPartyCookies): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), `la-e2e-profile-${cookies}-`));
  mkdirSync(path.join(dir, "Default"));
  // profile.cookie_controls_mode: 1 blocks third-party cookies, 0 allows them.
  writeFileSync(
    path.join(dir, "Default", "Preferences"),
    JSON.stringify({ profile: { cookie_controls_mode: cookies === "blocked" ? 1 : 0 } }),
  );
  return dir;
}
