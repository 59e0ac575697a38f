// `POST /apps-api/token` (also `/apps-api/apps/token` and `/token`, the paths the PKCE doc, the
// CLI and the Management SDK use) and `POST /apps-api/introspect`.
import type { FastifyInstance, FastifyReply } from "fastify";
import { z } from "zod";

import type { EmulatorContext } from "../context";
import { activeMembership, type RegisteredApp } from "../state/world";
import { OAuthError } from "./oauth-error";
import type { Grant } from "./oauth-store";
import { secretsEqual, verifierMatches, VERIFIER_PATTERN } from "./pkce";

export const TOKEN_PATHS = ["/apps-api/token", "/apps-api/apps/token", "/token"] as const;

const codeGrantSchema = z.object({
  grant_type: z.literal("authorization_code"),
  code: z.string().min(1, "code is required"),
  client_id: z.string().min(1, "client_id is required"),
  client_secret: z.string().optional(),
  redirect_uri: z.string().optional(),
  code_verifier: z.string().optional(),
});

const refreshGrantSchema = z.object({
  grant_type: z.literal("refresh_token"),
  refresh_token: z.string().min(1, "refresh_token is required"),
  client_id: z.string().min(1, "client_id is required"),
  client_secret: z.string().optional(),
  redirect_uri: z.string().optional(),
});

const introspectSchema = z.object({
  token: z.string().min(1, "token is required"),
  token_type_hint: z.string().optional(),
  client_id: z.string().optional(),
  client_secret: z.string().optional(),
});

function parseOAuth<T extends z.ZodType>(schema: T, body: unknown): z.infer<T> {
  const parsed = schema.safeParse(body ?? {});
  if (!parsed.success)
    throw new OAuthError(
      "invalid_request",
      parsed.error.issues.map((issue) => issue.message).join("; "),
    );
  return parsed.data;
}

/**
 * A client with a secret is confidential: it authenticates on every call, and PKCE comes on top
 * of that, never instead (OAuth Security BCP §2.1.1; api-notes C4). Otherwise anyone holding a
 * stolen code and verifier could redeem it as a public client. Every client the fixture registers
 * has a secret, so every one is confidential.
 */
function isConfidential(app: RegisteredApp): boolean {
  return app.client_secret !== "";
}

function authenticateClient(
  ctx: EmulatorContext,
  clientId: string,
  clientSecret: string | undefined,
): RegisteredApp {
  const app = [...ctx.world.apps.values()].find((candidate) => candidate.client_id === clientId);
  if (!app) throw new OAuthError("invalid_client", "Unknown client_id.");
  if (clientSecret === undefined) {
    if (isConfidential(app))
      throw new OAuthError(
        "invalid_client",
        "client_secret is required: this client has a secret, and PKCE does not replace it.",
      );
    return app;
  }
  if (!secretsEqual(clientSecret, app.client_secret)) {
    throw new OAuthError("invalid_client", "The client_secret is wrong.");
  }
  return app;
}

/** RFC 6749 §2.3.1: HTTP Basic (form-urlencoded id and secret) or the two form fields. */
function clientCredentialsOf(
  authorization: string | undefined,
  body: { client_id?: string | undefined; client_secret?: string | undefined },
): { clientId: string; clientSecret: string | undefined } | null {
  const basic = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(authorization ?? "");
  if (basic?.[1]) {
    const decoded = Buffer.from(basic[1], "base64").toString("utf8");
    const colon = decoded.indexOf(":");
    if (colon < 1) return null;
    try {
      return {
        clientId: decodeURIComponent(decoded.slice(0, colon).replaceAll("+", " ")),
        clientSecret: decodeURIComponent(decoded.slice(colon + 1).replaceAll("+", " ")),
      };
    } catch {
      return null;
    }
  }
  if (!body.client_id) return null;
  return { clientId: body.client_id, clientSecret: body.client_secret };
}

function assertStillMember(ctx: EmulatorContext, grant: Grant): void {
  const org = ctx.world.organizations.get(grant.orgUid);
  if (!org || !activeMembership(org, grant.userUid)) {
    ctx.oauth.revokeGrant(grant.uid);
    throw new OAuthError("invalid_grant", "The user is no longer a member of the organization.");
  }
}

function sendTokens(ctx: EmulatorContext, reply: FastifyReply, grant: Grant) {
  const { accessToken, refreshToken } = ctx.oauth.issueTokens(grant, ctx.ttls.tokenTtlSeconds);
  return reply
    .header("cache-control", "no-store")
    .header("pragma", "no-cache")
    .send({
      access_token: accessToken.token,
      refresh_token: refreshToken,
      token_type: "Bearer",
      expires_in: ctx.ttls.tokenTtlSeconds,
      location: "NA",
      organization_uid: grant.orgUid,
      user_uid: grant.userUid,
      authorization_type: "user",
      scope: grant.scopes.join(" "),
    });
}

function exchangeCode(ctx: EmulatorContext, body: z.infer<typeof codeGrantSchema>): Grant {
  const client = authenticateClient(ctx, body.client_id, body.client_secret);
  const code = ctx.oauth.findCode(body.code);
  if (!code || code.clientId !== body.client_id)
    throw new OAuthError("invalid_grant", "The authorization code is not valid.");
  if (code.used) {
    // RFC 6749 §4.1.2: a replayed code revokes what was issued from it (it may have leaked).
    if (code.grantUid) ctx.oauth.revokeGrant(code.grantUid);
    throw new OAuthError(
      "invalid_grant",
      "The authorization code was already used; tokens issued from it are revoked.",
    );
  }
  if (ctx.clock.now() >= code.expiresAt)
    throw new OAuthError("invalid_grant", "The authorization code has expired.");
  if (code.requestedRedirectUri !== null && body.redirect_uri === undefined) {
    throw new OAuthError(
      "invalid_grant",
      "redirect_uri is required because the authorize request named one.",
    );
  }
  if (body.redirect_uri !== undefined && body.redirect_uri !== code.redirectUri) {
    throw new OAuthError("invalid_grant", "redirect_uri does not match the authorize request.");
  }
  if (code.challenge) {
    if (body.code_verifier === undefined)
      throw new OAuthError("invalid_grant", "code_verifier is required for this code.");
    if (
      !VERIFIER_PATTERN.test(body.code_verifier) ||
      !verifierMatches(body.code_verifier, code.challenge.value, code.challenge.method)
    ) {
      throw new OAuthError("invalid_grant", "The code_verifier does not match the code_challenge.");
    }
  } else if (body.client_secret === undefined) {
    // Neither PKCE nor a secret: nothing ties this exchange to the client that asked for the code.
    throw new OAuthError(
      "invalid_client",
      "client_secret is required when the code was requested without PKCE.",
    );
  }
  const grant = ctx.oauth.createGrant({
    appUid: code.appUid,
    clientId: code.clientId,
    userUid: code.userUid,
    orgUid: code.orgUid,
    scopes: code.scopes,
    confidential: isConfidential(client),
  });
  code.used = true;
  code.grantUid = grant.uid;
  assertStillMember(ctx, grant);
  return grant;
}

function refresh(ctx: EmulatorContext, body: z.infer<typeof refreshGrantSchema>): Grant {
  authenticateClient(ctx, body.client_id, body.client_secret);
  const result = ctx.oauth.consumeRefreshToken(body.refresh_token, (grant) => {
    if (grant.clientId !== body.client_id)
      throw new OAuthError("invalid_grant", "The refresh token was issued to another client.");
    if (grant.confidential && body.client_secret === undefined) {
      throw new OAuthError(
        "invalid_client",
        "client_secret is required: the token was obtained with it.",
      );
    }
  });
  if ("problem" in result) {
    const messages = {
      unknown: "The refresh token is not valid.",
      reused:
        "The refresh token was already used (refresh tokens rotate); every token of this authorization is now revoked.",
      revoked: "The authorization behind this refresh token was revoked.",
    } as const;
    throw new OAuthError("invalid_grant", messages[result.problem]);
  }
  assertStillMember(ctx, result.grant);
  return result.grant;
}

export function registerTokenRoutes(app: FastifyInstance, ctx: EmulatorContext): void {
  for (const path of TOKEN_PATHS) {
    app.post(path, async (request, reply) => {
      const grantType = (request.body as { grant_type?: unknown } | undefined)?.grant_type;
      if (grantType === undefined)
        throw new OAuthError("invalid_request", "grant_type is required.");
      if (grantType === "authorization_code")
        return sendTokens(ctx, reply, exchangeCode(ctx, parseOAuth(codeGrantSchema, request.body)));
      if (grantType === "refresh_token")
        return sendTokens(ctx, reply, refresh(ctx, parseOAuth(refreshGrantSchema, request.body)));
      throw new OAuthError(
        "unsupported_grant_type",
        "grant_type must be authorization_code or refresh_token.",
      );
    });
  }

  // RFC 7662 §2.1: only an authenticated client may introspect, and (§4) it learns nothing about
  // another client's tokens, so a leaked token cannot be probed by whoever found it.
  app.post("/apps-api/introspect", async (request) => {
    const body = parseOAuth(introspectSchema, request.body);
    const credentials = clientCredentialsOf(request.headers.authorization, body);
    if (!credentials || credentials.clientSecret === undefined)
      throw new OAuthError(
        "invalid_client",
        "Introspection requires client authentication (client_id and client_secret).",
      );
    const client = authenticateClient(ctx, credentials.clientId, credentials.clientSecret);
    const found = ctx.oauth.introspect(body.token);
    if (!found || found.grant.clientId !== client.client_id) return { active: false };
    return {
      active: true,
      token_type: found.kind,
      scope: found.grant.scopes.join(" "),
      client_id: found.grant.clientId,
      app_uid: found.grant.appUid,
      user_uid: found.grant.userUid,
      organization_uid: found.grant.orgUid,
      ...(found.expiresAt !== null ? { exp: Math.floor(found.expiresAt / 1000) } : {}),
    };
  });
}
