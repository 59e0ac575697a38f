import "server-only";

import { createHash, randomBytes } from "node:crypto";

import type { Redis } from "ioredis";

import type { Services } from "../services";

/**
 * OAuth redirect-loop detection (seed 000: "OAuth redirect loop — cached credentials or expired
 * token"). Every sign-in round trip (`/auth/start`, then Contentstack, then `/api/auth/callback`)
 * is counted in Redis under a loop reference; more than `limit` starts inside `windowMs` is a loop:
 * the next start is refused and stays refused for `stopMs`, or until the person takes the fix
 * (POST /api/troubleshooting/reset-sign-in clears the count with the session).
 *
 * The reference is derived from the iframe's session id (so the reset, which knows the session,
 * can clear it) and travels to the popup in its URL, because the popup cannot see the iframe's
 * partitioned cookie. It is a digest: the session id cannot be recovered from it.
 */
export const LOOP_LIMIT = 3;
export const LOOP_WINDOW_MS = 60_000;
export const LOOP_STOP_MS = 10 * 60_000;

/** The popup's own first-party cookie carrying the loop reference from start to callback. */
export const LOOP_COOKIE = "__Host-la_loop";
export const LOOP_REF = /^[A-Za-z0-9_-]{32}$/;

export function loopRefOf(sessionId: string): string {
  return createHash("sha256").update(`oauth-loop|${sessionId}`).digest("base64url").slice(0, 32);
}

export function newLoopRef(): string {
  return randomBytes(24).toString("base64url").slice(0, 32);
}

export function loopCookie(ref: string): string {
  return `${LOOP_COOKIE}=${ref}; Path=/; Max-Age=${LOOP_STOP_MS / 1000}; Secure; HttpOnly; SameSite=Lax`;
}

export interface LoopStatus {
  /** Round trips started inside the window. */
  readonly starts: number;
  /** Callbacks that came back inside the window. */
  readonly callbacks: number;
  /** Epoch ms until which new round trips are refused; null when not stopped. */
  readonly stoppedUntil: number | null;
  readonly limit: number;
  readonly windowMs: number;
}

export interface SignInLoopGuard {
  /** Counts a start; refused (and the stop set) when `limit` starts already happened in the window. */
  noteStart(ref: string): Promise<{ allowed: boolean; status: LoopStatus }>;
  noteCallback(ref: string): Promise<void>;
  status(ref: string): Promise<LoopStatus>;
  /** Forgets the count and lifts the stop (the fix). */
  clear(ref: string): Promise<void>;
}

export interface SignInLoopOptions {
  readonly redis: Redis;
  readonly keyPrefix: string;
  readonly limit?: number;
  readonly windowMs?: number;
  readonly stopMs?: number;
  readonly now?: () => number;
}

export function createSignInLoopGuard(options: SignInLoopOptions): SignInLoopGuard {
  const { redis } = options;
  const limit = options.limit ?? LOOP_LIMIT;
  const windowMs = options.windowMs ?? LOOP_WINDOW_MS;
  const stopMs = options.stopMs ?? LOOP_STOP_MS;
  const now = options.now ?? Date.now;
  // Keys hold a digest of the reference, never the reference itself.
  const base = (ref: string) =>
    `${options.keyPrefix}:{global}:oauth-loop:${createHash("sha256").update(ref).digest("hex")}`;
  const keys = (ref: string) => ({
    starts: `${base(ref)}:starts`,
    callbacks: `${base(ref)}:callbacks`,
    stop: `${base(ref)}:stop`,
  });

  async function read(ref: string, at: number): Promise<LoopStatus> {
    const k = keys(ref);
    const results = await redis
      .multi()
      .zremrangebyscore(k.starts, 0, at - windowMs)
      .zremrangebyscore(k.callbacks, 0, at - windowMs)
      .zcard(k.starts)
      .zcard(k.callbacks)
      .pttl(k.stop)
      .exec();
    const value = (index: number) => Number(results?.[index]?.[1] ?? 0);
    const ttl = value(4);
    return {
      starts: value(2),
      callbacks: value(3),
      stoppedUntil: ttl > 0 ? at + ttl : null,
      limit,
      windowMs,
    };
  }

  const mark = async (key: string, at: number) => {
    await redis
      .multi()
      .zadd(key, at, `${at}:${randomBytes(6).toString("hex")}`)
      .pexpire(key, windowMs * 2)
      .exec();
  };

  return {
    async noteStart(ref) {
      const at = now();
      const status = await read(ref, at);
      if (status.stoppedUntil !== null) return { allowed: false, status };
      if (status.starts >= limit) {
        await redis.set(keys(ref).stop, String(at), "PX", stopMs);
        return { allowed: false, status: { ...status, stoppedUntil: at + stopMs } };
      }
      await mark(keys(ref).starts, at);
      return { allowed: true, status: { ...status, starts: status.starts + 1 } };
    },
    async noteCallback(ref) {
      await mark(keys(ref).callbacks, now());
    },
    status: (ref) => read(ref, now()),
    async clear(ref) {
      const k = keys(ref);
      await redis.del(k.starts, k.callbacks, k.stop);
    },
  };
}

/** The guard on the app's Redis and key prefix. */
export function signInLoopGuard(svc: Services): SignInLoopGuard {
  return createSignInLoopGuard({ redis: svc.redis, keyPrefix: svc.env.STORE_KEY_PREFIX });
}
