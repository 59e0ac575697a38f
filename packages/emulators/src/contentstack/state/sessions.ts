import { randomBytes } from "node:crypto";

/**
 * Host-shell sessions. The session token doubles as the CMA `authtoken` (the real UI's session is
 * an authtoken too), so a person signed in to the shell can call the CMA with it.
 */
export class SessionStore {
  private sessions = new Map<string, { userUid: string; createdAt: number }>();

  constructor(private readonly now: () => number = () => Date.now()) {}

  create(userUid: string): string {
    const token = `blt${randomBytes(16).toString("hex")}`;
    this.sessions.set(token, { userUid, createdAt: this.now() });
    return token;
  }

  userOf(token: string | undefined): string | undefined {
    if (!token) return undefined;
    return this.sessions.get(token)?.userUid;
  }

  end(token: string | undefined): void {
    if (token) this.sessions.delete(token);
  }

  clear(): void {
    this.sessions.clear();
  }
}

/** The cookie that carries the host-shell session (its value is the authtoken). */
export const SESSION_COOKIE = "cs_authtoken";
