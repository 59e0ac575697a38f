// Wires the Contentstack emulator: one Fastify server holding the CMA (/v3), OAuth and Developer
// Hub paths, the signed app-token keys, the host shell and the /_emulator/ control API. State is
// in memory and rebuilt from the fixture on reset.
import formbody from "@fastify/formbody";
import cookie from "@fastify/cookie";
import Fastify, { type FastifyInstance, type FastifyRequest } from "fastify";

import { loadFixture } from "../fixtures/load-fixture";
import type { Fixture } from "../fixtures/fixture-schema";
import { installControlPlane } from "../shared/control-plane";
import { createEmulatorClock } from "../shared/emulator-clock";
import { listenOnLoopback } from "../shared/listen";
import { requestLogOptions } from "../shared/request-log";
import { createSigningKeys } from "./app-token/signing-keys";
import { CmaError, cmaErrorBodyForStatus } from "./cma/cma-error";
import { registerLogsRoutes } from "./cma/logs-routes";
import { registerOrganizationRoutes } from "./cma/organization-routes";
import { RateLimiter } from "./cma/rate-limiter";
import { registerShareRoutes } from "./cma/share-routes";
import { registerUserRoutes } from "./cma/user-routes";
import type { EmulatorContext } from "./context";
import { registerControlRoutes } from "./control/control-routes";
import { EmulatorOptionsError } from "./emulator-options-error";
import { registerApiAdapterRoute } from "./host-shell/api-adapter-route";
import { registerAppStatusRoute } from "./host-shell/app-status-route";
import { sendErrorPage, sendNotFoundPage, wantsHtmlPage } from "./host-shell/error-pages";
import { registerHomeRoutes } from "./host-shell/home-routes";
import { registerOrganizationPages } from "./host-shell/organization-pages";
import { refuseFramingOfEveryPage } from "./host-shell/refuse-framing";
import { registerSignInRoutes } from "./host-shell/sign-in-routes";
import { registerStaticAssets } from "./host-shell/static-assets";
import { registerAuthorizationsRoutes } from "./oauth/authorizations-routes";
import { registerAuthorizeRoutes } from "./oauth/authorize-routes";
import { OAuthError } from "./oauth/oauth-error";
import { OAuthStore } from "./oauth/oauth-store";
import { registerTokenRoutes, TOKEN_PATHS } from "./oauth/token-routes";
import { optionsSchema, type ContentstackEmulatorOptions } from "./options";
import { SessionStore } from "./state/sessions";
import { installStateVersion } from "./state/state-version";
import { createWorld } from "./state/world";

export interface RunningContentstackEmulator {
  /** The public URL (`publicUrl` option or `http://127.0.0.1:<port>`). */
  url: string;
  port: number;
  /** Stops the server; safe to call more than once. */
  close(): Promise<void>;
  /**
   * Moves with every write this emulator answers (membership, roles, sessions, tokens): the
   * Lytics emulator reuses a resolved caller only while it holds.
   */
  stateVersion(): number;
}

function isOAuthPath(request: FastifyRequest): boolean {
  const path = request.url.split("?")[0] ?? "";
  return (TOKEN_PATHS as readonly string[]).includes(path) || path === "/apps-api/introspect";
}

/** JSON bodies may be empty (SDKs send `content-type: application/json` on GET and DELETE). */
function acceptEmptyJson(app: FastifyInstance): void {
  app.removeContentTypeParser("application/json");
  app.addContentTypeParser("application/json", { parseAs: "string" }, (_request, body, done) => {
    const text = typeof body === "string" ? body : body.toString("utf8");
    if (text.trim() === "") return done(null, undefined);
    try {
      done(null, JSON.parse(text));
    } catch {
      done(new CmaError("CMA_INVALID_REQUEST", "The request body is not valid JSON."), undefined);
    }
  });
}

function installErrorHandling(app: FastifyInstance, ctx: EmulatorContext): void {
  app.setErrorHandler((error, request, reply) => {
    if (error instanceof OAuthError)
      return reply.code(error.status).header("cache-control", "no-store").send(error.toBody());
    // The token endpoints speak RFC 6749 whatever failed (a malformed body included).
    if (isOAuthPath(request))
      return reply
        .code(400)
        .send(new OAuthError("invalid_request", (error as Error).message).toBody());
    if (error instanceof CmaError) return reply.code(error.status).send(error.toBody());
    const status =
      typeof (error as { statusCode?: unknown }).statusCode === "number"
        ? (error as { statusCode: number }).statusCode
        : 500;
    if (status >= 500) request.log.error({ err: error }, "emulator route failed");
    // A person navigating gets a page with a way back; API clients keep the JSON body.
    if (wantsHtmlPage(request))
      return sendErrorPage(ctx, request, reply, status, (error as Error).message);
    return reply
      .code(status)
      .send({ ...cmaErrorBodyForStatus(status), error_message: (error as Error).message });
  });
  app.setNotFoundHandler((request, reply) =>
    wantsHtmlPage(request)
      ? sendNotFoundPage(ctx, request, reply)
      : reply.code(404).send({
          ...cmaErrorBodyForStatus(404),
          error_message: `No route ${request.method} ${request.url.split("?")[0] ?? ""}.`,
        }),
  );
}

export async function startContentstackEmulator(
  options: ContentstackEmulatorOptions = {},
): Promise<RunningContentstackEmulator> {
  const { now, ...rest } = options;
  const parsed = optionsSchema.safeParse(rest);
  if (!parsed.success) {
    throw new EmulatorOptionsError(
      parsed.error.issues.map(
        (issue) => `${issue.path.join(".") || "(options)"}: ${issue.message}`,
      ),
    );
  }
  const resolved = parsed.data;
  const startFixture: Fixture = resolved.fixture ?? loadFixture();
  const initialTtls = {
    codeTtlSeconds: resolved.codeTtlSeconds,
    tokenTtlSeconds: resolved.tokenTtlSeconds,
    appTokenTtlSeconds: resolved.appTokenTtlSeconds,
  };

  const app = Fastify({ logger: requestLogOptions(resolved.logger) });
  // First, so every route below moves it (the Lytics emulator keys its caller cache on it).
  const stateVersion = installStateVersion(app);
  refuseFramingOfEveryPage(app);
  const clock = createEmulatorClock(now);
  const ctx: EmulatorContext = {
    clock,
    world: createWorld(startFixture),
    ttls: { ...initialTtls },
    sessions: new SessionStore(clock.now),
    oauth: new OAuthStore(clock.now),
    keys: await createSigningKeys(),
    rateLimiter:
      resolved.rateLimit === false ? null : new RateLimiter(resolved.rateLimit, clock.now),
    rateLimit: resolved.rateLimit,
    publicUrl: resolved.publicUrl ?? "",
    lyticsUrl: resolved.lyticsUrl.replace(/\/+$/, ""),
    async injectCma({ method, path, authtoken, orgUid, body }) {
      const response = await app.inject({
        method: method as "GET",
        url: path,
        headers: {
          authtoken,
          organization_uid: orgUid,
          ...(body === undefined ? {} : { "content-type": "application/json" }),
        },
        ...(body === undefined ? {} : { payload: JSON.stringify(body) }),
      });
      let parsedBody: unknown = response.body;
      try {
        parsedBody = response.body === "" ? null : JSON.parse(response.body);
      } catch {
        // Not JSON: hand back the text.
      }
      const headers: Record<string, string> = {};
      for (const [key, value] of Object.entries(response.headers))
        if (value !== undefined) headers[key] = String(value);
      return { status: response.statusCode, headers, body: parsedBody };
    },
  };
  const load = (fixture: Fixture): void => {
    ctx.world = createWorld(fixture);
    ctx.ttls = { ...initialTtls };
    ctx.sessions.clear();
    ctx.oauth.clear();
    ctx.rateLimiter?.clear();
  };

  await app.register(formbody);
  await app.register(cookie);
  acceptEmptyJson(app);
  installErrorHandling(app, ctx);
  installControlPlane(app, {
    enabled: resolved.controlApi,
    errorBody: (status, request) =>
      isOAuthPath(request)
        ? {
            error: status === 429 ? "slow_down" : "server_error",
            error_description: `Injected ${status}.`,
          }
        : cmaErrorBodyForStatus(status),
    reset: () => load(startFixture),
    clock,
    loadFixture: (fixture) => load(fixture),
  });

  app.get("/.well-known/public-keys.json", async () => ({
    "signing-key": ctx.keys.publicKeyPkcs1Pem,
  }));
  registerUserRoutes(app, ctx);
  registerOrganizationRoutes(app, ctx);
  registerShareRoutes(app, ctx);
  registerLogsRoutes(app, ctx);
  registerAuthorizeRoutes(app, ctx);
  registerTokenRoutes(app, ctx);
  registerAuthorizationsRoutes(app, ctx);
  registerSignInRoutes(app, ctx);
  registerHomeRoutes(app, ctx);
  registerOrganizationPages(app, ctx);
  registerApiAdapterRoute(app, ctx);
  registerAppStatusRoute(app, ctx);
  await registerStaticAssets(app);
  if (resolved.controlApi) registerControlRoutes(app, ctx);

  const port = await listenOnLoopback(app, resolved.port);
  ctx.publicUrl = (resolved.publicUrl ?? `http://127.0.0.1:${port}`).replace(/\/+$/, "");

  let closing: Promise<void> | undefined;
  return {
    url: ctx.publicUrl,
    port,
    stateVersion: stateVersion.current,
    close: () => (closing ??= app.close()),
  };
}
