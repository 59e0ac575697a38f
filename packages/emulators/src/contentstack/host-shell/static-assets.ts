import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";

import type { FastifyInstance } from "fastify";

/**
 * The two scripts of the app page: post-robot 8.0.32's own UMD build (the App SDK bundles the
 * same 8.x wire protocol; 10.x would not be understood) and our host script. Read once at start.
 */
export async function registerStaticAssets(app: FastifyInstance): Promise<void> {
  const require = createRequire(import.meta.url);
  const postRobotDir = path.dirname(require.resolve("post-robot/package.json"));
  const postRobot = await readFile(path.join(postRobotDir, "dist", "post-robot.js"), "utf8");
  const hostFrame = await readFile(
    path.join(path.dirname(fileURLToPath(import.meta.url)), "host-frame.js"),
    "utf8",
  );
  app.get("/host-shell/post-robot.js", async (_request, reply) =>
    reply
      .type("text/javascript; charset=utf-8")
      .header("cache-control", "no-cache")
      .send(postRobot),
  );
  app.get("/host-shell/host-frame.js", async (_request, reply) =>
    reply
      .type("text/javascript; charset=utf-8")
      .header("cache-control", "no-cache")
      .send(hostFrame),
  );
}
