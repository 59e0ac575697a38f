// Pending launches (state -> PKCE verifier, org, project) and signed-in Lytics sessions. A session
// carries the Contentstack token's expiry: Lytics sessions follow Contentstack's (seed 000).
import { createHash, randomBytes } from "node:crypto";

export interface PendingLaunch {
  organizationUid: string;
  projectUid: string | null;
  codeVerifier: string;
  expiresAt: number;
}

export interface LyticsSession {
  organizationUid: string;
  csUserUid: string;
  lyticsUserId: string;
  /** The account the person landed on. */
  aid: number;
  /** When the Contentstack access token behind this session expires (ms since epoch). */
  expiresAt: number;
  /** The Contentstack access token, kept server-side only: each page view asks Contentstack whether the person is still in the organization. */
  contentstackToken: string;
}

/** How long the browser has to come back from Contentstack with a code. */
const LAUNCH_TTL_MS = 10 * 60 * 1000;

export class LaunchSessions {
  private pending = new Map<string, PendingLaunch>();
  private sessions = new Map<string, LyticsSession>();

  constructor(private readonly now: () => number = () => Date.now()) {}

  begin(
    organizationUid: string,
    projectUid: string | null,
  ): { state: string; codeChallenge: string } {
    this.sweep();
    const state = randomBytes(24).toString("base64url");
    const codeVerifier = randomBytes(32).toString("base64url");
    this.pending.set(state, {
      organizationUid,
      projectUid,
      codeVerifier,
      expiresAt: this.now() + LAUNCH_TTL_MS,
    });
    const codeChallenge = createHash("sha256").update(codeVerifier).digest("base64url");
    return { state, codeChallenge };
  }

  /** The pending launch for this state, consumed: a state works once. */
  take(state: string): PendingLaunch | undefined {
    const launch = this.pending.get(state);
    this.pending.delete(state);
    if (!launch || launch.expiresAt <= this.now()) return undefined;
    return launch;
  }

  open(session: LyticsSession): string {
    const id = randomBytes(32).toString("base64url");
    this.sessions.set(id, session);
    return id;
  }

  /** The live session, or why there is none. */
  get(id: string | undefined): { session: LyticsSession } | { missing: "none" | "expired" } {
    if (!id) return { missing: "none" };
    const session = this.sessions.get(id);
    if (!session) return { missing: "none" };
    if (session.expiresAt <= this.now()) {
      this.sessions.delete(id);
      return { missing: "expired" };
    }
    return { session };
  }

  close(id: string | undefined): void {
    if (id) this.sessions.delete(id);
  }

  /** Ends every session early (the control API's "expire sessions"). */
  expireAll(): number {
    const count = this.sessions.size;
    for (const session of this.sessions.values()) session.expiresAt = 0;
    return count;
  }

  clear(): void {
    this.pending.clear();
    this.sessions.clear();
  }

  private sweep(): void {
    const now = this.now();
    for (const [state, launch] of this.pending)
      if (launch.expiresAt <= now) this.pending.delete(state);
  }
}
