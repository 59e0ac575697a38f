import { z } from "zod";

import { fixtureSchema, type Fixture } from "../fixtures/fixture-schema";

/** Options of {@link startContentstackEmulator}; every field is optional. */
export interface ContentstackEmulatorOptions {
  /** Port to listen on (IPv4 and IPv6 loopback); 0 picks a free one. @defaultValue 4010 */
  port?: number;
  /** The world to serve. @defaultValue `loadFixture()` (fixtures/default.json) */
  fixture?: Fixture;
  /** Origin people and apps see: app-token `iss`, SDK `endpoints`. @defaultValue `http://127.0.0.1:<port>` */
  publicUrl?: string;
  /** Lytics emulator origin the App Switcher's "Data & Insights" entry links to. @defaultValue `http://localhost:4020` */
  lyticsUrl?: string;
  /** Lifetime of an authorization code. @defaultValue 60 */
  codeTtlSeconds?: number;
  /** Lifetime of an OAuth access token. @defaultValue 3600 */
  tokenTtlSeconds?: number;
  /** Lifetime of a signed app token (`app-token` JWT). @defaultValue 300 */
  appTokenTtlSeconds?: number;
  /** CMA limit per organization, sliding one-second window; `false` turns it off. @defaultValue `{ readsPerSecond: 10, writesPerSecond: 10 }` */
  rateLimit?: { readsPerSecond: number; writesPerSecond: number } | false;
  /** Serve the `/_emulator/` control API (local mode). @defaultValue true */
  controlApi?: boolean;
  /** Log requests with pino (tokens and cookies are never logged). @defaultValue false */
  logger?: boolean;
  /**
   * The emulator's time in epoch milliseconds (tests inject one); `POST /_emulator/clock` moves
   * it forward. Token expiry, rate windows, sessions, audit timestamps and the call log read it.
   * @defaultValue Date.now
   */
  now?: () => number;
}

const ttl = z.number().int().min(0).max(31_536_000);

export const optionsSchema = z.object({
  port: z.number().int().min(0).max(65_535).default(4010),
  fixture: fixtureSchema.optional(),
  publicUrl: z.url().optional(),
  lyticsUrl: z.url().default("http://localhost:4020"),
  codeTtlSeconds: ttl.default(60),
  tokenTtlSeconds: ttl.default(3600),
  appTokenTtlSeconds: ttl.default(300),
  rateLimit: z
    .union([
      z.object({
        readsPerSecond: z.number().int().min(1),
        writesPerSecond: z.number().int().min(1),
      }),
      z.literal(false),
    ])
    .default({ readsPerSecond: 10, writesPerSecond: 10 }),
  controlApi: z.boolean().default(true),
  logger: z.boolean().default(false),
});

/** The TTLs the control API may change at run time. */
export interface Ttls {
  codeTtlSeconds: number;
  tokenTtlSeconds: number;
  appTokenTtlSeconds: number;
}

export const ttlsPatchSchema = z
  .object({ codeTtlSeconds: ttl, tokenTtlSeconds: ttl, appTokenTtlSeconds: ttl })
  .partial()
  .strict();
