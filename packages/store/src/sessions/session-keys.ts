import { createHash } from "node:crypto";

import type { Key } from "../keys";

/**
 * Keys of the web sessions and their one-time records. A session is found by its id alone (the
 * cookie), so these keys sit under `{global}`. The key holds a SHA-256 digest of the secret, never
 * the secret itself: whoever can run SCAN on Redis cannot lift a live session id or handoff code.
 */
export interface SessionKeys {
  session(secret: string): Key;
  refreshLock(secret: string): Key;
  handoff(secret: string): Key;
  loginAttempt(secret: string): Key;
  /** The digest that names a session; also binds its encrypted tokens. */
  digest(secret: string): string;
}

export function digestSecret(secret: string): string {
  return createHash("sha256").update(secret, "utf8").digest("base64url");
}

export function createSessionKeys(prefix: string): SessionKeys {
  const global = (kind: string, secret: string, ...rest: string[]): Key =>
    [`${prefix}:{global}:${kind}`, digestSecret(secret), ...rest].join(":") as Key;
  return Object.freeze({
    session: (secret: string) => global("session", secret),
    refreshLock: (secret: string) => global("session", secret, "refresh-lock"),
    handoff: (secret: string) => global("oauth-handoff", secret),
    loginAttempt: (secret: string) => global("oauth-attempt", secret),
    digest: digestSecret,
  });
}
