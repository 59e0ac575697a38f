// `/v2/user` (api-notes §A2.2). Role slugs are stored as sent, never validated: the live service
// keeps a typo and it grants nothing, which is why clients must check `roles_available` first.
import type { FastifyInstance } from "fastify";
import { z } from "zod";

import { NOT_AUTHORIZED_BODY, V2ApiError } from "../errors/v2-api-error";
import type { LyticsContext } from "../lytics-context";
import type { AccountRecord, LyticsStore, LyticsUserRecord } from "../store/lytics-store";
import { toUserResp } from "../store/store-views";
import { accountOf, v2Data } from "./v2-api";

const roleList = z.array(z.string().min(1));

const inviteSchema = z.object({
  email: z.email(),
  name: z.string().min(1).max(200).optional(),
  roles: roleList.optional(),
  password: z.string().optional(),
});

// The spec names `models.RoleReq {roles}`; Lytics' own notes send a bare array. Both are accepted.
const rolesBodySchema = z
  .union([roleList, z.object({ roles: roleList })])
  .transform((body) => (Array.isArray(body) ? body : body.roles));

type UserParams = { Params: { id: string } };

function parseOrThrow<T>(schema: z.ZodType<T>, body: unknown): T {
  const parsed = schema.safeParse(body);
  if (parsed.success) return parsed.data;
  const detail = parsed.error.issues
    .map((issue) => `${issue.path.join(".") || "body"}: ${issue.message}`)
    .join("; ");
  throw new V2ApiError(400, "USER-BADREQ-024", `Invalid request: ${detail}`);
}

/** The user on this account, or the documented 404 (even when the email exists elsewhere). */
function memberOrThrow(
  store: LyticsStore,
  account: AccountRecord,
  idOrEmail: string,
): LyticsUserRecord {
  const user = store.findUser(idOrEmail);
  if (!user || !account.members.has(user.id)) {
    throw new V2ApiError(404, "USER-NOTFOUND-023", `User not found: ${idOrEmail}`);
  }
  return user;
}

export function registerV2UserRoutes(app: FastifyInstance, context: LyticsContext): void {
  const { store } = context;

  app.get("/v2/user", async (request) => {
    const account = accountOf(request);
    return v2Data(store.membersOf(account).map(({ user }) => toUserResp(store, user, account.aid)));
  });

  app.get<UserParams>("/v2/user/:id", async (request, reply) => {
    const account = accountOf(request);
    // `me` needs a user (login) token; the emulator only issues API tokens, which get 401.
    if (request.params.id === "me") return reply.code(401).send(NOT_AUTHORIZED_BODY);
    const user = memberOrThrow(store, account, request.params.id);
    return v2Data(toUserResp(store, user, account.aid));
  });

  app.post("/v2/user", async (request, reply) => {
    const account = accountOf(request);
    const input = parseOrThrow(inviteSchema, request.body);
    const person = store.personByEmail(input.email);
    const { user, created } = store.ensureUser({
      email: input.email,
      name: input.name ?? (person ? `${person.first_name} ${person.last_name}` : undefined),
      cs_user_uid: person?.uid ?? null,
    });
    // Already a member: the roles are reset to what was sent (only the baseline when left out).
    store.grant(account, user.id, input.roles ?? [], "api");
    const status = created ? 201 : 200;
    return reply.code(status).send(v2Data(toUserResp(store, user, account.aid), status));
  });

  app.post<UserParams>("/v2/user/:id/roles", async (request) => {
    const account = accountOf(request);
    const roles = parseOrThrow(rolesBodySchema, request.body);
    if (roles.length === 0) throw new V2ApiError(400, "USER-BADREQ-024", "roles must not be empty");
    const user = memberOrThrow(store, account, request.params.id);
    store.grant(account, user.id, roles, "api");
    return v2Data(toUserResp(store, user, account.aid));
  });

  app.delete<UserParams>("/v2/user/:id", async (request, reply) => {
    const account = accountOf(request);
    const user = memberOrThrow(store, account, request.params.id);
    store.revoke(account, user.id);
    return reply.code(204).send();
  });
}
