// Lytics additions to the `/_emulator/` control API: things that happen "inside Lytics" or in its
// admin UI, which tests need to stage (a fresh API token, an account's role list, role drift).
import type { FastifyInstance, FastifyReply } from "fastify";
import { z } from "zod";

import { CONTROL_PREFIX } from "../../shared/control-plane";
import type { LyticsContext } from "../lytics-context";
import type { AccountRecord } from "../store/lytics-store";
import { storeSnapshot, toUserResp } from "../store/store-views";

export const LYTICS_CONTROL_PREFIX = `${CONTROL_PREFIX}/lytics`;

const mintTokenSchema = z.object({ aid: z.number().int().positive() });
const rolesAvailableSchema = z.object({ roles_available: z.array(z.string().min(1)).nullable() });
const driftSchema = z.object({ roles: z.array(z.string().min(1)) });

function invalid(reply: FastifyReply, error: z.ZodError): FastifyReply {
  return reply.code(400).send({ error: "invalid request", issues: error.issues });
}

function accountOr404(
  context: LyticsContext,
  aid: string,
  reply: FastifyReply,
): AccountRecord | undefined {
  const account = context.store.accountByAid(Number(aid));
  if (!account) void reply.code(404).send({ error: `no Lytics account with aid ${aid}` });
  return account;
}

export function registerLyticsControlRoutes(app: FastifyInstance, context: LyticsContext): void {
  const { store } = context;

  app.get(`${LYTICS_CONTROL_PREFIX}/store`, async () => storeSnapshot(store));

  /** Security > Access Tokens: a new API token for the account. The value is only shown here. */
  app.post(`${LYTICS_CONTROL_PREFIX}/tokens`, async (request, reply) => {
    const parsed = mintTokenSchema.safeParse(request.body);
    if (!parsed.success) return invalid(reply, parsed.error);
    const account = accountOr404(context, String(parsed.data.aid), reply);
    if (!account) return reply;
    return reply.code(201).send({ aid: account.aid, token: store.mintToken(account) });
  });

  /** The roles the account offers (null = the emulator's default list). */
  app.put<{ Params: { aid: string } }>(
    `${LYTICS_CONTROL_PREFIX}/accounts/:aid/roles-available`,
    async (request, reply) => {
      const parsed = rolesAvailableSchema.safeParse(request.body);
      if (!parsed.success) return invalid(reply, parsed.error);
      const account = accountOr404(context, request.params.aid, reply);
      if (!account) return reply;
      account.roles_available = parsed.data.roles_available;
      return { aid: account.aid, roles_available: account.roles_available };
    },
  );

  /** Someone changed a user's roles inside Lytics (drift the sync must put back). Not validated. */
  app.put<{ Params: { aid: string; id: string } }>(
    `${LYTICS_CONTROL_PREFIX}/accounts/:aid/users/:id/roles`,
    async (request, reply) => {
      const parsed = driftSchema.safeParse(request.body);
      if (!parsed.success) return invalid(reply, parsed.error);
      const account = accountOr404(context, request.params.aid, reply);
      if (!account) return reply;
      const user = store.findUser(request.params.id);
      if (!user || !account.members.has(user.id)) {
        return reply
          .code(404)
          .send({ error: `user ${request.params.id} is not on account ${account.aid}` });
      }
      store.grant(account, user.id, parsed.data.roles, "lytics-ui");
      return { user: toUserResp(store, user, account.aid) };
    },
  );

  /** Ends every Lytics session as if the Contentstack tokens behind them had expired. */
  app.post(`${LYTICS_CONTROL_PREFIX}/sessions/expire`, async () => ({
    expired: context.sessions.expireAll(),
  }));
}
