// The v2 user and account API's front door: the raw Lytics token in `Authorization` (no `Bearer`),
// one account per token, `?account_id=` accepted, then a per-account rate limit (api-notes §A2, §A5).
import { randomUUID } from "node:crypto";

import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";

import {
  genericV2Body,
  NOT_AUTHORIZED_BODY,
  V2ApiError,
  v2ErrorBody,
} from "../errors/v2-api-error";
import type { LyticsContext } from "../lytics-context";
import type { AccountRecord } from "../store/lytics-store";
import { registerV2AccountRoutes } from "./v2-account-routes";
import { registerV2UserRoutes } from "./v2-user-routes";

const accounts = new WeakMap<FastifyRequest, AccountRecord>();

/** The `{data, status, request_id}` envelope of every v2 success. */
export function v2Data(
  data: unknown,
  status = 200,
): { data: unknown; status: number; request_id: string } {
  return { data, status, request_id: randomUUID() };
}

export function accountOf(request: FastifyRequest): AccountRecord {
  const account = accounts.get(request);
  if (!account) throw new V2ApiError(401, "UNAUTHORIZED-017", "Not authorized");
  return account;
}

export function registerV2Api(app: FastifyInstance, context: LyticsContext): void {
  void app.register(async (scope) => {
    scope.addHook("onRequest", async (request, reply) => gate(context, request, reply));
    scope.setErrorHandler(async (error, _request, reply) => {
      if (error instanceof V2ApiError) return reply.code(error.status).send(error.body());
      const status = (error as { statusCode?: number }).statusCode;
      if (status === 400 && (error as { code?: string }).code?.startsWith("FST_ERR_CTP")) {
        return reply.code(400).send(v2ErrorBody(400, "JSON-BADREQ-025", "Invalid JSON body"));
      }
      if (status && status >= 400 && status < 500)
        return reply.code(status).send(genericV2Body(status));
      return reply.code(500).send(v2ErrorBody(500, "INTERNAL-019", "Internal Server Error"));
    });
    registerV2UserRoutes(scope, context);
    registerV2AccountRoutes(scope, context);
  });
}

async function gate(
  context: LyticsContext,
  request: FastifyRequest,
  reply: FastifyReply,
): Promise<void> {
  const token = request.headers.authorization?.trim();
  // A `Bearer …` value is not a Lytics token: the live API rejects it like any bad token.
  const account =
    token && !/^bearer\s/i.test(token) ? context.store.accountByToken(token) : undefined;
  const wanted = (request.query as { account_id?: unknown } | undefined)?.account_id;
  const mismatch =
    typeof wanted === "string" &&
    account &&
    wanted !== account.account_id &&
    wanted !== String(account.aid);
  if (!account || mismatch) {
    await reply.code(401).send(NOT_AUTHORIZED_BODY);
    return;
  }
  if (context.limiter && !context.limiter.tryAcquire(`aid:${account.aid}`)) {
    // Lytics sends a bare 429: no Retry-After, no RateLimit-* headers (api-notes §A5.2).
    await reply.code(429).send(v2ErrorBody(429, "UNKNOWN-000", "Too Many Requests"));
    return;
  }
  accounts.set(request, account);
}
