// The Management API's front door, in the order the live service shows (api-notes §A1.2/§A1.4,
// Part C1): without `x-cs-api-version: 1` the framework answers 404 "Cannot <METHOD> <path>"
// before any auth; then `organization_uid` is required; then the caller is resolved through
// Contentstack. Every refusal uses the one envelope `{message, status, error}`, except 401, which
// is Contentstack's own body.
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { z } from "zod";

import type { ContentstackCredential } from "../contentstack/contentstack-identity";
import { ContentstackCallError } from "../errors/contentstack-call-error";
import {
  ManagementApiError,
  ManagementValidationError,
  managementErrorBody,
  notLoggedInBody,
  projectNotFound,
  type FieldErrors,
} from "../errors/management-api-error";
import type { LyticsContext } from "../lytics-context";
import type { AccountRecord } from "../store/lytics-store";
import { registerCollaboratorRoutes } from "./collaborator-routes";
import { toManagementCaller, type ManagementCaller } from "./project-access";
import { registerProjectRoutes } from "./project-routes";

const callers = new WeakMap<FastifyRequest, ManagementCaller>();

export function notFoundRouteBody(request: FastifyRequest): unknown {
  return managementErrorBody(404, `Cannot ${request.method} ${request.url.split("?")[0] ?? ""}`);
}

export function callerOf(request: FastifyRequest): ManagementCaller {
  const caller = callers.get(request);
  if (!caller) throw new ManagementApiError(401, "Unauthorized");
  return caller;
}

/**
 * The project named in the path (or `projectUid`), if it belongs to the caller's organization.
 * Another organization's project is "not found", never "forbidden", as seen live.
 */
export function projectOf(
  context: LyticsContext,
  request: FastifyRequest,
  projectUid = (request.params as { id?: string }).id ?? "",
): AccountRecord {
  const account = context.store.accountByProjectUid(projectUid);
  if (!account || account.organization_uid !== callerOf(request).organization.uid) {
    throw projectNotFound();
  }
  return account;
}

/**
 * Parses a body with zod; a failure is the live validation 400 with every problem under its field
 * path, coded `lytics.<module>.<problem>` (`module` e.g. `COLLABORATORS`; our choice of codes for
 * bodies the live service was not seen to check).
 */
export function parseBody<T>(schema: z.ZodType<T>, body: unknown, module: string): T {
  const parsed = schema.safeParse(body ?? {});
  if (parsed.success) return parsed.data;
  const errors: FieldErrors = {};
  for (const issue of parsed.error.issues) {
    // Problems inside a list are reported on the list (`userEmails`, not `userEmails.2`).
    const field = issue.path.filter((part) => typeof part === "string").join(".") || "body";
    (errors[field] ??= []).push({ code: `lytics.${module}.${issueCode(issue)}` });
  }
  throw new ManagementValidationError(errors);
}

function issueCode(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case "too_small":
      return "NOT_EMPTY";
    case "too_big":
      return "MAX_CHAR_LIMIT";
    case "invalid_type":
      return issue.input === undefined ? "NOT_EMPTY" : "INVALID_TYPE";
    default:
      return "INVALID";
  }
}

function credentialOf(request: FastifyRequest): ContentstackCredential | null {
  const authorization = request.headers.authorization;
  if (typeof authorization === "string") {
    const match = /^Bearer\s+(\S+)$/i.exec(authorization.trim());
    return match?.[1] ? { kind: "bearer", token: match[1] } : null;
  }
  const authtoken = request.headers.authtoken;
  return typeof authtoken === "string" && authtoken.length > 0
    ? { kind: "authtoken", token: authtoken }
    : null;
}

export function registerManagementApi(app: FastifyInstance, context: LyticsContext): void {
  void app.register(async (scope) => {
    scope.addHook("onRequest", async (request, reply) => gate(context, request, reply));
    scope.setErrorHandler(async (error, _request, reply) => {
      if (error instanceof ManagementApiError)
        return reply.code(error.statusCode).send(error.body());
      if (error instanceof ContentstackCallError) {
        // Contentstack throttling the identity lookup is a throttle for the caller too.
        if (error.upstreamStatus === 429)
          return reply
            .code(429)
            .send(managementErrorBody(429, "ThrottlerException: Too Many Requests"));
        return reply.code(502).send(managementErrorBody(502, error.message));
      }
      const status = (error as { statusCode?: number }).statusCode;
      if (status === 400) {
        // Fastify's own refusals (unparsable JSON): the live validation body.
        return reply
          .code(400)
          .send(
            new ManagementValidationError({ body: [{ code: "lytics.BODY.INVALID_JSON" }] }).body(),
          );
      }
      if (status && status >= 400 && status < 500) {
        return reply.code(status).send(managementErrorBody(status, (error as Error).message));
      }
      return reply.code(500).send(managementErrorBody(500, "Internal server error"));
    });
    registerProjectRoutes(scope, context);
    registerCollaboratorRoutes(scope, context);
  });
}

async function gate(
  context: LyticsContext,
  request: FastifyRequest,
  reply: FastifyReply,
): Promise<void> {
  const version = request.headers["x-cs-api-version"];
  if (version !== "1") {
    await reply.code(404).send(notFoundRouteBody(request));
    return;
  }
  const organizationUid = request.headers.organization_uid;
  if (typeof organizationUid !== "string" || organizationUid.length === 0) {
    await reply
      .code(400)
      .send(managementErrorBody(400, "Missing required header: organization_uid"));
    return;
  }
  if (context.limiter && !context.limiter.tryAcquire(`org:${organizationUid}`)) {
    await reply.code(429).send(managementErrorBody(429, "ThrottlerException: Too Many Requests"));
    return;
  }
  const credential = credentialOf(request);
  const result = credential
    ? await context.identity.resolve(credential, organizationUid)
    : ({ refused: 401 } as const);
  if ("refused" in result && result.refused === 401) {
    await reply.code(401).send(notLoggedInBody());
    return;
  }
  // 403 from Contentstack: a valid OAuth token issued for another organization.
  const user = "user" in result ? result.user : undefined;
  const organization = user?.organizations.find((org) => org.uid === organizationUid);
  // Seed 002: a person outside the organization is denied everything, whatever records remain.
  // Live this is "Forbidden" (an organization_uid the caller is not in, DNI TC_070), not the
  // "Forbidden resource" of a route's own rule.
  if (!user || !organization) {
    await reply.code(403).send(managementErrorBody(403, "Forbidden"));
    return;
  }
  callers.set(request, toManagementCaller(context.store, user, organization));
}
