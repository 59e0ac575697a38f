// Builds the web app through turbo, whose cache makes this a quick restore when nothing the build
// reads has changed since the last build, and a real `next build` (about a minute) when it has.
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";

/**
 * turbo hashes its `globalEnv` variables into every task; the launcher's ports and base URLs are
 * among them but change nothing in the build, so they are left out and a new port is still a hit.
 */
function buildEnv(root: string): NodeJS.ProcessEnv {
  const { globalEnv = [] } = JSON.parse(readFileSync(path.join(root, "turbo.json"), "utf8")) as {
    globalEnv?: string[];
  };
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    TURBO_TELEMETRY_DISABLED: "1",
    NEXT_TELEMETRY_DISABLED: "1",
  };
  for (const name of globalEnv) delete env[name];
  return env;
}

/** `label` names the caller in the one line printed (`npm start`'s launcher, or a benchmark). */
export async function buildWeb(root: string, label = "start"): Promise<void> {
  console.log(`[${label}] building the web app (cached when unchanged)`);
  const code = await new Promise<number | null>((resolve) => {
    const child = spawn(
      path.join(root, "node_modules", ".bin", "turbo"),
      ["run", "build", "--filter=@lytics-access/web", "--output-logs=errors-only"],
      {
        cwd: root,
        stdio: ["ignore", "ignore", "inherit"],
        env: buildEnv(root),
      },
    );
    child.on("exit", resolve);
    child.on("error", () => resolve(1));
  });
  if (code !== 0) throw new Error(`the web app did not build (turbo exit ${code})`);
}
