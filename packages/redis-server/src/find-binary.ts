import { accessSync, constants } from "node:fs";
import path from "node:path";

import { RedisServerNotInstalledError } from "./redis-server-not-installed-error";

/** Where redis-server lives: `REDIS_SERVER_BIN`, else the first one on PATH, else Debian's path. */
export function findRedisServerBinary(
  env: NodeJS.ProcessEnv = process.env,
  wellKnownPaths: readonly string[] = ["/usr/bin/redis-server"],
): string {
  const candidates = [
    env.REDIS_SERVER_BIN,
    ...(env.PATH ?? "")
      .split(path.delimiter)
      .filter(Boolean)
      .map((dir) => path.join(dir, "redis-server")),
    ...wellKnownPaths,
  ].filter((candidate): candidate is string => Boolean(candidate));
  for (const candidate of candidates) {
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not this one
    }
  }
  throw new RedisServerNotInstalledError(candidates);
}
