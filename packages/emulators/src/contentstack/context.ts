import type { EmulatorClock } from "../shared/emulator-clock";
import type { SigningKeys } from "./app-token/signing-keys";
import type { RateLimiter } from "./cma/rate-limiter";
import type { OAuthStore } from "./oauth/oauth-store";
import type { Ttls } from "./options";
import type { SessionStore } from "./state/sessions";
import type { World } from "./state/world";

/** Everything the routes share. `world` is replaced wholesale on reset and fixture load. */
export interface EmulatorContext {
  /** The emulator's time (wall clock plus what the control API advanced). */
  readonly clock: EmulatorClock;
  world: World;
  ttls: Ttls;
  readonly sessions: SessionStore;
  readonly oauth: OAuthStore;
  readonly keys: SigningKeys;
  readonly rateLimiter: RateLimiter | null;
  readonly rateLimit: { readsPerSecond: number; writesPerSecond: number } | false;
  /** Known once the server listens (port 0 picks the port). */
  publicUrl: string;
  readonly lyticsUrl: string;
  /** Runs a CMA request in-process (the host shell's `apiAdapter` uses it). */
  injectCma(request: {
    method: string;
    path: string;
    authtoken: string;
    orgUid: string;
    body?: unknown;
  }): Promise<{
    status: number;
    headers: Record<string, string>;
    body: unknown;
  }>;
}
