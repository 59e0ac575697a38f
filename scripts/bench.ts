// `npm run bench`: every workspace's `bench` script, one after another so they don't compete for
// the two cores, each printing its own figures.
import { spawnSync } from "node:child_process";
import { readFileSync, readdirSync, existsSync } from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const workspaces = ["packages", "apps"]
  .flatMap((dir) =>
    existsSync(path.join(root, dir))
      ? readdirSync(path.join(root, dir)).map((name) => path.join(dir, name))
      : [],
  )
  .filter((dir) => existsSync(path.join(root, dir, "package.json")));

let failures = 0;
let ran = 0;
for (const workspace of workspaces) {
  const manifest = JSON.parse(readFileSync(path.join(root, workspace, "package.json"), "utf8")) as {
    name: string;
    scripts?: Record<string, string>;
  };
  if (!manifest.scripts?.bench) continue;
  ran += 1;
  console.log(`\n══ ${manifest.name} ══`);
  const result = spawnSync("npm", ["run", "bench", "--silent"], {
    cwd: path.join(root, workspace),
    stdio: "inherit",
  });
  if (result.status !== 0) failures += 1;
}
if (ran === 0) console.log("No benchmarks yet.");
process.exit(failures > 0 ? 1 : 0);
