// A counter that moves with every write the Contentstack emulator answers (CMA share and role
// changes, control-API membership changes, sign-ins, token grants and revocations, reset, fixture
// load). The Lytics emulator keys its cache of "who is calling" on it, so no cached identity
// outlives a membership change. Counting every write, not only membership ones, keeps it right
// when new routes are added: the cost is only a few extra `/v3/user` lookups.
import type { FastifyInstance } from "fastify";

export interface StateVersion {
  /** Changes with every write the emulator has answered, before the answer leaves. */
  current(): number;
}

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

export function installStateVersion(app: FastifyInstance): StateVersion {
  let version = 0;
  // onSend runs before the response is written: whoever saw the write answered can never reach
  // the Lytics emulator before the version moved.
  app.addHook("onSend", async (request, _reply, payload) => {
    if (!SAFE_METHODS.has(request.method)) version += 1;
    return payload;
  });
  return { current: () => version };
}
