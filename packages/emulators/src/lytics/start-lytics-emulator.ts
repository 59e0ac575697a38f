// Starts the Lytics emulator: the Management API (Contentstack-hosted in production), the v2 user
// and account API, the App Switcher launch with its dashboard, and the `/_emulator/` control API.
import fastifyCookie from "@fastify/cookie";
import fastifyFormbody from "@fastify/formbody";
import Fastify, { type FastifyInstance, type FastifyRequest } from "fastify";
import { z } from "zod";

import type { Fixture } from "../fixtures/fixture-schema";
import { loadFixture, parseFixture } from "../fixtures/load-fixture";
import { installControlPlane } from "../shared/control-plane";
import { createEmulatorClock } from "../shared/emulator-clock";
import { listenOnLoopback } from "../shared/listen";
import { createContentstackIdentity } from "./contentstack/contentstack-identity";
import { registerLyticsControlRoutes } from "./control/lytics-control-routes";
import { managementErrorBody } from "./errors/management-api-error";
import { genericV2Body, v2ErrorBody } from "./errors/v2-api-error";
import { registerDashboardRoutes } from "./launch/dashboard-routes";
import { LaunchSessions } from "./launch/launch-sessions";
import { registerLaunchRoutes } from "./launch/launch-routes";
import type { LyticsContext } from "./lytics-context";
import { notFoundRouteBody, registerManagementApi } from "./management/management-api";
import { SlidingWindowRateLimiter } from "../shared/sliding-window-rate-limiter";
import { LyticsStore } from "./store/lytics-store";
import { registerV2Api } from "./v2/v2-api";

export interface LyticsEmulatorOptions {
  /** Port to listen on (IPv4 and IPv6 loopback); 0 picks a free one. @defaultValue 4020 */
  port?: number;
  /** The world to serve. @defaultValue the shipped fixtures/default.json */
  fixture?: Fixture;
  /** Browser-facing origin of this emulator (launch redirect URI, links). @defaultValue `http://localhost:<port>` */
  publicUrl?: string;
  /** Server-to-server origin of the Contentstack emulator (`/v3/user`, `/apps-api/token`). Required. */
  contentstackUrl: string;
  /** Browser-facing origin of the Contentstack emulator (authorize page, "back" links). @defaultValue contentstackUrl */
  contentstackPublicUrl?: string;
  /** Requests per second per Lytics account (v2) and per organization (Management API); false = off. @defaultValue 20 */
  rateLimitPerSecond?: number | false;
  /** Serve `/_emulator/*` (local mode). @defaultValue true */
  controlApi?: boolean;
  /** Log requests with pino (paths only: no query strings, no headers). @defaultValue false */
  logger?: boolean;
  /** How long a caller resolved through Contentstack `GET /v3/user` may be reused. @defaultValue 3000 */
  identityCacheMs?: number;
  /**
   * The Contentstack emulator's state version (`RunningContentstackEmulator.stateVersion`): a
   * resolved caller is reused only while it holds, so no removal or role change is missed.
   * Without it the caller is asked for on every request (nothing could tell a stale answer).
   */
  contentstackStateVersion?: () => number;
  /**
   * The emulator's time in epoch milliseconds (tests inject one); `POST /_emulator/clock` moves it
   * forward. The caller cache, rate windows, launch sessions and store dates read it.
   * @defaultValue Date.now
   */
  now?: () => number;
}

export interface LyticsEmulator {
  url: string;
  port: number;
  /** Stops the server; safe to call more than once. */
  close(): Promise<void>;
}

const optionsSchema = z.object({
  port: z.number().int().min(0).max(65_535).default(4020),
  publicUrl: z.url().optional(),
  contentstackUrl: z.url({ message: "contentstackUrl must be the Contentstack emulator's URL" }),
  contentstackPublicUrl: z.url().optional(),
  rateLimitPerSecond: z.union([z.number().int().positive(), z.literal(false)]).default(20),
  controlApi: z.boolean().default(true),
  logger: z.boolean().default(false),
  identityCacheMs: z.number().int().min(0).max(10_000).default(3000),
});

const trimSlash = (url: string): string => url.replace(/\/+$/, "");

export async function startLyticsEmulator(options: LyticsEmulatorOptions): Promise<LyticsEmulator> {
  const { fixture: fixtureOption, contentstackStateVersion, now, ...rest } = options;
  const parsed = optionsSchema.safeParse(rest);
  if (!parsed.success) {
    const issues = parsed.error.issues
      .map((issue) => `${issue.path.join(".")}: ${issue.message}`)
      .join("; ");
    throw new Error(`startLyticsEmulator: invalid options: ${issues}`);
  }
  const config = parsed.data;
  const initialFixture = fixtureOption
    ? parseFixture(fixtureOption, "fixture option")
    : loadFixture();
  const contentstackUrl = trimSlash(config.contentstackUrl);

  const app = Fastify({
    logger: config.logger
      ? {
          level: "info",
          serializers: {
            req: (request: FastifyRequest) => ({
              method: request.method,
              path: request.url.split("?")[0],
            }),
          },
        }
      : false,
  });
  await app.register(fastifyCookie);
  await app.register(fastifyFormbody);

  const clock = createEmulatorClock(now);
  const storeNow = (): Date => new Date(clock.now());
  const limiter =
    config.rateLimitPerSecond === false
      ? null
      : new SlidingWindowRateLimiter(config.rateLimitPerSecond, 1000, clock.now);
  const context: LyticsContext = {
    clock,
    store: new LyticsStore(structuredClone(initialFixture), storeNow),
    identity: createContentstackIdentity({
      baseUrl: contentstackUrl,
      cacheMs: config.identityCacheMs,
      ...(contentstackStateVersion ? { stateVersion: contentstackStateVersion } : {}),
      now: clock.now,
    }),
    limiter,
    sessions: new LaunchSessions(clock.now),
    publicUrl: config.publicUrl ? trimSlash(config.publicUrl) : "",
    contentstackUrl,
    contentstackPublicUrl: trimSlash(config.contentstackPublicUrl ?? contentstackUrl),
  };

  installControlPlane(app, {
    enabled: config.controlApi,
    errorBody: (status, request) => errorBodyFor(status, request),
    clock,
    reset: () => {
      context.store.load(structuredClone(initialFixture));
      resetVolatile(context);
    },
    loadFixture: (fixture) => {
      context.store.load(structuredClone(fixture));
      resetVolatile(context);
    },
  });
  app.setNotFoundHandler(async (request, reply) => reply.code(404).send(notFoundBody(request)));

  registerManagementApi(app, context);
  registerV2Api(app, context);
  registerLaunchRoutes(app, context);
  registerDashboardRoutes(app, context);
  if (config.controlApi) registerLyticsControlRoutes(app, context);

  const port = await listenOrClose(app, config.port);
  if (!context.publicUrl) context.publicUrl = `http://localhost:${port}`;

  let closing: Promise<void> | undefined;
  return {
    url: context.publicUrl,
    port,
    close: () => (closing ??= app.close()),
  };
}

async function listenOrClose(app: FastifyInstance, port: number): Promise<number> {
  try {
    return await listenOnLoopback(app, port);
  } catch (error) {
    await app.close();
    throw error;
  }
}

/** The identity cache is kept: it mirrors Contentstack, which a Lytics reset does not touch. */
function resetVolatile(context: LyticsContext): void {
  context.limiter?.reset();
  context.sessions.clear();
}

const isV2 = (request: FastifyRequest): boolean =>
  request.url.startsWith("/v2/") || request.url === "/v2";

/** Each surface keeps its own error shape, also for injected faults. */
function errorBodyFor(status: number, request: FastifyRequest): unknown {
  if (isV2(request)) return genericV2Body(status);
  return managementErrorBody(
    status,
    status === 429 ? "ThrottlerException: Too Many Requests" : "Injected fault",
  );
}

function notFoundBody(request: FastifyRequest): unknown {
  if (isV2(request))
    return v2ErrorBody(
      404,
      "NOTFOUND-003",
      `Not found: ${request.method} ${request.url.split("?")[0]}`,
    );
  return notFoundRouteBody(request);
}
