// Importing the Lytics client must not load the Contentstack Management SDK (about 0.7 s and a
// large module graph): the region table comes from the HTTP core. Checked in a fresh Node process,
// with the Contentstack client as the control that does load it.
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("../../..", import.meta.url));

/** The CommonJS modules loaded after importing `specifier` in a fresh process. */
function loadedAfterImporting(specifier: string): string[] {
  const script = `
    await import(${JSON.stringify(specifier)});
    const { createRequire } = await import("node:module");
    console.log(JSON.stringify(Object.keys(createRequire(import.meta.url).cache)));
  `;
  const out = execFileSync(
    process.execPath,
    ["--import", "tsx", "--input-type=module", "-e", script],
    { cwd: root, encoding: "utf8" },
  );
  return JSON.parse(out.trim().split("\n").at(-1) ?? "[]") as string[];
}

const isSdk = (path: string) => path.includes("@contentstack/management");

describe("module graph", () => {
  it(
    "importing @lytics-access/lytics does not load @contentstack/management",
    { timeout: 60_000 },
    () => {
      expect(loadedAfterImporting("@lytics-access/contentstack").some(isSdk)).toBe(true);
      expect(loadedAfterImporting("@lytics-access/lytics").filter(isSdk)).toEqual([]);
    },
  );
});
