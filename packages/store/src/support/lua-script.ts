import { createHash } from "node:crypto";

import type { Redis } from "ioredis";

import type { Key } from "../keys";

/**
 * A Lua script run by EVALSHA, falling back to EVAL once when the server does not have it yet
 * (first use, or after a restart or SCRIPT FLUSH). Scripts touch only keys passed in KEYS and all
 * of one organization's slot, so they work on Redis Cluster.
 */
export class LuaScript {
  private readonly sha: string;

  constructor(
    /** Shown in errors. */
    readonly name: string,
    private readonly source: string,
  ) {
    this.sha = createHash("sha1").update(source).digest("hex");
  }

  async run(
    redis: Redis,
    keys: readonly Key[],
    args: readonly (string | number)[],
  ): Promise<unknown> {
    // One array, never spread into the call: a call takes at most some tens of thousands of
    // arguments before V8 overflows its stack, and a snapshot script takes hundreds of thousands.
    const command = (script: string): (string | number)[] => {
      const all: (string | number)[] = [script, keys.length];
      for (const key of keys) all.push(key);
      for (const arg of args) all.push(arg);
      return all;
    };
    try {
      return await redis.call("EVALSHA", command(this.sha));
    } catch (error) {
      if (!(error instanceof Error) || !error.message.startsWith("NOSCRIPT")) throw error;
      return redis.call("EVAL", command(this.source));
    }
  }
}
