import type { ContentstackIdentity } from "./contentstack/contentstack-identity";
import type { LaunchSessions } from "./launch/launch-sessions";
import type { EmulatorClock } from "../shared/emulator-clock";
import type { SlidingWindowRateLimiter } from "../shared/sliding-window-rate-limiter";
import type { LyticsStore } from "./store/lytics-store";

/** What every route module of the Lytics emulator shares; built once in start-lytics-emulator.ts. */
export interface LyticsContext {
  /** The emulator's time (wall clock plus what the control API advanced). */
  clock: EmulatorClock;
  store: LyticsStore;
  identity: ContentstackIdentity;
  /** Null when rate limiting is off. Keys: `aid:<n>` (v2) and `org:<uid>` (Management API). */
  limiter: SlidingWindowRateLimiter | null;
  sessions: LaunchSessions;
  /** Browser-facing origin of this emulator (launch redirect URI, links). */
  publicUrl: string;
  /** Server-to-server origin of the Contentstack emulator (token exchange, `/v3/user`). */
  contentstackUrl: string;
  /** Browser-facing origin of the Contentstack emulator (authorize redirect, "back" links). */
  contentstackPublicUrl: string;
}
