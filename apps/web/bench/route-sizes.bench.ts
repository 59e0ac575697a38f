// `npm run bench`: the gzipped JavaScript each app route of the web app loads, read from the Next
// build in apps/web/.next (issue 10: the first page's JS stays under 200 KB gzipped). Prints a table
// and writes the root's bench/results/web-route-sizes.json. A missed budget is reported, never a
// failure; a missing or unreadable build is.
//
// What a route loads, from the Turbopack build's manifests:
// - first load: the script tags of the route's HTML, which are the build manifest's rootMainFiles
//   (React, Next's client runtime, the Turbopack runtime) and the route's own entryJSFiles (its
//   layouts' and page's client components) from server/app/<route>_client-reference-manifest.js.
//   The polyfill chunk (polyfillFiles) is a `noModule` script that current browsers skip, so it is
//   listed apart and counted in neither figure;
// - dynamic imports: the chunks those files can fetch later (`import()` in a client component, which
//   Turbopack writes as a list of "static/chunks/….js" paths), followed transitively. Whether one is
//   fetched depends on the code (the entry page imports the App SDK as soon as it is framed), so the
//   second figure is what the route can load at most, shown beside the first rather than in it.
// Sizes are zlib's default gzip level, the one `next start` compresses with; 1 KB = 1,000 bytes.
//
// It reads the build that is there: with no build, or with `--build`, it builds through turbo first
// (a quick cache restore when nothing changed). A build older than the sources is flagged.
import { existsSync, readFileSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import vm from "node:vm";
import { gzipSync } from "node:zlib";
import { writeBenchResult } from "../../../scripts/lib/bench-results";
import { buildWeb } from "../../../scripts/lib/build-web";

const FIRST_PAGE = "/";
const BUDGET_BYTES = 200_000;

const webRoot = path.resolve(import.meta.dirname, "..");
const repoRoot = path.resolve(webRoot, "..", "..");
const nextDir = path.join(webRoot, ".next");
const buildIdFile = path.join(nextDir, "BUILD_ID");

interface BuildManifest {
  rootMainFiles?: string[];
  polyfillFiles?: string[];
}

interface ClientReferenceManifest {
  entryJSFiles?: Record<string, string[]>;
}

interface RouteSize {
  readonly route: string;
  readonly appPath: string;
  /** Script tags of the route's HTML, in load order, without the noModule polyfills. */
  readonly firstLoadChunks: string[];
  readonly firstLoadBytes: number;
  readonly firstLoadGzipBytes: number;
  /** Chunks the first-load files can fetch through dynamic imports, transitively. */
  readonly dynamicChunks: string[];
  readonly withDynamicGzipBytes: number;
}

if (process.argv.includes("--build") || !existsSync(buildIdFile)) {
  await buildWeb(repoRoot, "bench");
}
if (!existsSync(buildIdFile)) throw new Error(`no Next build in ${nextDir}`);

const buildId = readFileSync(buildIdFile, "utf8").trim();
const builtAt = statSync(buildIdFile).mtimeMs;
const newerSources = changedSince(builtAt);

const readJson = <T>(relative: string): T =>
  JSON.parse(readFileSync(path.join(nextDir, relative), "utf8")) as T;
const rootManifest = readJson<BuildManifest>("build-manifest.json");
const appPathRoutes = readJson<Record<string, string>>("app-path-routes-manifest.json");

const chunkCache = new Map<string, { bytes: number; gzipBytes: number; text: string }>();
function chunk(file: string) {
  let found = chunkCache.get(file);
  if (!found) {
    const buffer = readFileSync(path.join(nextDir, file));
    found = { bytes: buffer.length, gzipBytes: gzipSync(buffer).length, text: buffer.toString() };
    chunkCache.set(file, found);
  }
  return found;
}

const polyfills = new Set(rootManifest.polyfillFiles ?? []);
const routes: RouteSize[] = Object.entries(appPathRoutes)
  .filter(([appPath]) => appPath.endsWith("/page"))
  .map(([appPath, route]) => measure(appPath, route))
  .sort((a, b) => a.route.localeCompare(b.route));

const KB = (bytes: number) => `${(bytes / 1000).toFixed(1)} KB`;
console.log(
  `Next build ${buildId} of apps/web, built ${new Date(builtAt).toISOString()}` +
    (newerSources.length > 0
      ? `; OLDER than ${newerSources.length} source file(s) (e.g. ${newerSources[0]}): run with --build for current figures`
      : ""),
);
console.log(
  `${"route".padEnd(38)} ${"first load (gzip)".padStart(17)} ${"raw".padStart(10)} ${"chunks".padStart(6)} ${"+ dynamic imports".padStart(17)}`,
);
for (const size of routes) {
  console.log(
    `${size.route.padEnd(38)} ${KB(size.firstLoadGzipBytes).padStart(17)} ${KB(size.firstLoadBytes).padStart(10)} ${String(size.firstLoadChunks.length).padStart(6)} ${KB(size.withDynamicGzipBytes).padStart(17)}`,
  );
}
const shared = routes
  .map((size) => new Set(size.firstLoadChunks))
  .reduce((common, files) => new Set([...common].filter((file) => files.has(file))));
const sharedGzipBytes = [...shared].reduce((sum, file) => sum + chunk(file).gzipBytes, 0);
console.log(
  `Shared by every route: ${KB(sharedGzipBytes)} gzip in ${shared.size} chunks; ` +
    `noModule polyfills (not counted): ${KB([...polyfills].reduce((sum, file) => sum + chunk(file).gzipBytes, 0))} gzip`,
);

const first = routes.find((size) => size.route === FIRST_PAGE);
if (!first) throw new Error(`the build has no ${FIRST_PAGE} page`);
const verdict = (bytes: number) => (bytes < BUDGET_BYTES ? "PASS" : "MISS");
const firstPage = {
  route: FIRST_PAGE,
  budgetGzipBytes: BUDGET_BYTES,
  firstLoadGzipBytes: first.firstLoadGzipBytes,
  firstLoadMet: first.firstLoadGzipBytes < BUDGET_BYTES,
  withDynamicGzipBytes: first.withDynamicGzipBytes,
  withDynamicMet: first.withDynamicGzipBytes < BUDGET_BYTES,
};
console.log(
  `  ${verdict(first.firstLoadGzipBytes)}  first page ${FIRST_PAGE}, first-load JS ${KB(first.firstLoadGzipBytes)} gzip (budget < ${KB(BUDGET_BYTES)})`,
);
console.log(
  `  ${verdict(first.withDynamicGzipBytes)}  first page ${FIRST_PAGE}, with the chunks its dynamic imports can load ${KB(first.withDynamicGzipBytes)} gzip (budget < ${KB(BUDGET_BYTES)})`,
);
// Issue 11: every route the management pages add holds the first page's budget too.
const overBudget = routes.filter((size) => size.firstLoadGzipBytes >= BUDGET_BYTES);
const heaviest = routes.reduce((max, size) =>
  size.firstLoadGzipBytes > max.firstLoadGzipBytes ? size : max,
);
console.log(
  `  ${overBudget.length === 0 ? "PASS" : "MISS"}  every route's first-load JS under ${KB(BUDGET_BYTES)} (${routes.length} routes; heaviest ${heaviest.route} ${KB(heaviest.firstLoadGzipBytes)})` +
    (overBudget.length > 0 ? `; over: ${overBudget.map((size) => size.route).join(", ")}` : ""),
);

writeBenchResult("web-route-sizes", {
  buildId,
  builtAt: new Date(builtAt).toISOString(),
  buildOlderThanSources: newerSources.length > 0,
  gzip: "zlib default level",
  firstPage,
  everyRoute: {
    budgetGzipBytes: BUDGET_BYTES,
    met: overBudget.length === 0,
    over: overBudget.map((size) => size.route),
    heaviest: { route: heaviest.route, firstLoadGzipBytes: heaviest.firstLoadGzipBytes },
  },
  shared: { chunks: [...shared], gzipBytes: sharedGzipBytes },
  polyfills: [...polyfills].map((file) => ({ file, gzipBytes: chunk(file).gzipBytes })),
  routes,
  chunks: Object.fromEntries(
    [...chunkCache].map(([file, { bytes, gzipBytes }]) => [file, { bytes, gzipBytes }]),
  ),
});

function measure(appPath: string, route: string): RouteSize {
  // The route's own build manifest where there is one (Next writes one per page), else the root's.
  const perRoute = path.join("server", "app", appPath, "build-manifest.json");
  const manifest = existsSync(path.join(nextDir, perRoute))
    ? readJson<BuildManifest>(perRoute)
    : rootManifest;
  const entries = Object.values(clientReferences(appPath).entryJSFiles ?? {}).flat();
  const firstLoadChunks = [...new Set([...(manifest.rootMainFiles ?? []), ...entries])].filter(
    (file) => !polyfills.has(file),
  );
  const dynamicChunks = reachable(firstLoadChunks);
  const gzipOf = (files: string[]) => files.reduce((sum, file) => sum + chunk(file).gzipBytes, 0);
  return {
    route,
    appPath,
    firstLoadChunks,
    firstLoadBytes: firstLoadChunks.reduce((sum, file) => sum + chunk(file).bytes, 0),
    firstLoadGzipBytes: gzipOf(firstLoadChunks),
    dynamicChunks,
    withDynamicGzipBytes: gzipOf([...firstLoadChunks, ...dynamicChunks]),
  };
}

/** server/app/<appPath>_client-reference-manifest.js assigns the route's entry to a global. */
function clientReferences(appPath: string): ClientReferenceManifest {
  const file = path.join(nextDir, "server", "app", `${appPath}_client-reference-manifest.js`);
  if (!existsSync(file)) throw new Error(`no client reference manifest for ${appPath}: ${file}`);
  const sandbox: { __RSC_MANIFEST?: Record<string, ClientReferenceManifest> } = {};
  vm.runInNewContext(readFileSync(file, "utf8"), sandbox, { filename: file });
  const entry = sandbox.__RSC_MANIFEST?.[appPath];
  if (!entry) throw new Error(`${file} has no entry for ${appPath}`);
  return entry;
}

/** The JS chunks that `loaded` name (dynamic imports), and the ones those name, not `loaded`. */
function reachable(loaded: readonly string[]): string[] {
  const seen = new Set(loaded);
  const found: string[] = [];
  const queue = [...loaded];
  for (let file = queue.shift(); file !== undefined; file = queue.shift()) {
    for (const [, named] of chunk(file).text.matchAll(/["'](static\/chunks\/[\w.-]+\.js)["']/g)) {
      if (!named || seen.has(named) || polyfills.has(named)) continue;
      if (!existsSync(path.join(nextDir, named))) continue;
      seen.add(named);
      found.push(named);
      queue.push(named);
    }
  }
  return found;
}

/** Source files of apps/web changed after the build (the first few, for the warning). */
function changedSince(time: number): string[] {
  const newer: string[] = [];
  const visit = (relative: string) => {
    const full = path.join(webRoot, relative);
    if (!existsSync(full)) return;
    const stat = statSync(full);
    if (stat.isDirectory()) {
      for (const name of readdirSync(full)) visit(path.join(relative, name));
    } else if (stat.mtimeMs > time && !/\.test\.tsx?$/.test(relative)) {
      newer.push(relative);
    }
  };
  for (const entry of ["src", "next.config.ts"]) visit(entry);
  return newer;
}
