// The user-token authorize flow: sign in (or reuse the shell session), pick the organization,
// consent once per person, app, organization and scope set, then back to the app with a code.
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { z } from "zod";

import type { EmulatorContext } from "../context";
import { refuseFraming } from "../host-shell/refuse-framing";
import { CURRENT_ORG_COOKIE, loginRedirect, signedInPerson } from "../host-shell/session-cookie";
import { organizationsOf, type Person } from "../state/world";
import { authorizeErrorPage, consentPage, organizationPickerPage } from "./authorize-pages";
import { checkAuthorizeRequest, redirectWith } from "./authorize-request";
import type { ValidatedAuthorizeRequest } from "./oauth-store";

const appParams = z.object({ app_uid: z.string().min(1) });
const consentFormSchema = z.object({
  consent_id: z.string().min(1),
  decision: z.enum(["accept", "deny"]),
});

function sendPage(reply: FastifyReply, status: number, page: string): FastifyReply {
  return refuseFraming(reply)
    .code(status)
    .type("text/html; charset=utf-8")
    .header("cache-control", "no-store")
    .send(page);
}

function redirectWithCode(
  ctx: EmulatorContext,
  reply: FastifyReply,
  request: ValidatedAuthorizeRequest,
  userUid: string,
  orgUid: string,
) {
  const code = ctx.oauth.issueCode({
    appUid: request.appUid,
    clientId: request.clientId,
    userUid,
    orgUid,
    requestedRedirectUri: request.requestedRedirectUri,
    redirectUri: request.redirectUri,
    scopes: request.scopes,
    challenge: request.challenge,
    expiresAt: ctx.clock.now() + ctx.ttls.codeTtlSeconds * 1000,
  });
  return reply.redirect(
    redirectWith(request.redirectUri, { code: code.code, state: request.state, location: "NA" }),
    302,
  );
}

function chooseOrganization(
  ctx: EmulatorContext,
  request: FastifyRequest,
  person: Person,
  asked: string | null,
) {
  const orgs = organizationsOf(ctx.world, person.uid);
  if (asked !== null)
    return { orgs, chosen: orgs.find((org) => org.uid === asked) ?? null, asked: true };
  if (orgs.length === 1) return { orgs, chosen: orgs[0] ?? null, asked: false };
  const current = request.cookies[CURRENT_ORG_COOKIE];
  return { orgs, chosen: orgs.find((org) => org.uid === current) ?? null, asked: false };
}

export function registerAuthorizeRoutes(app: FastifyInstance, ctx: EmulatorContext): void {
  app.get("/apps/:app_uid/authorize", async (request, reply) => {
    const { app_uid } = appParams.parse(request.params);
    const check = checkAuthorizeRequest(ctx.world, app_uid, request.query);
    if (check.kind === "page-error")
      return sendPage(reply, check.status, authorizeErrorPage(check.message));
    if (check.kind === "redirect-error") {
      return reply.redirect(
        redirectWith(check.redirectUri, {
          error: check.error,
          error_description: check.description,
          state: check.state,
        }),
        302,
      );
    }
    const person = signedInPerson(ctx, request);
    if (!person) return reply.redirect(loginRedirect(request), 302);

    const { orgs, chosen, asked } = chooseOrganization(ctx, request, person, check.organizationUid);
    if (orgs.length === 0)
      return sendPage(reply, 403, authorizeErrorPage("You are not a member of any organization."));
    if (!chosen) {
      if (asked)
        return sendPage(
          reply,
          403,
          authorizeErrorPage("You are not a member of that organization."),
        );
      return sendPage(
        reply,
        200,
        organizationPickerPage(person, orgs, new URL(request.url, ctx.publicUrl)),
      );
    }
    const { request: validated } = check;
    if (ctx.oauth.hasConsent(validated.appUid, person.uid, chosen.uid, validated.scopes)) {
      return redirectWithCode(ctx, reply, validated, person.uid, chosen.uid);
    }
    const registered = ctx.world.apps.get(validated.appUid);
    if (!registered) return sendPage(reply, 404, authorizeErrorPage("The app no longer exists."));
    const consentId = ctx.oauth.holdConsent({
      userUid: person.uid,
      orgUid: chosen.uid,
      request: validated,
    });
    return sendPage(
      reply,
      200,
      consentPage({ app: registered, person, org: chosen, scopes: validated.scopes, consentId }),
    );
  });

  app.post("/apps/:app_uid/authorize", async (request, reply) => {
    const { app_uid } = appParams.parse(request.params);
    const form = consentFormSchema.safeParse(request.body);
    if (!form.success)
      return sendPage(reply, 400, authorizeErrorPage("The consent form is incomplete."));
    const person = signedInPerson(ctx, request);
    const pending = ctx.oauth.takeConsent(form.data.consent_id);
    if (
      !pending ||
      pending.request.appUid !== app_uid ||
      !person ||
      person.uid !== pending.userUid
    ) {
      return sendPage(
        reply,
        400,
        authorizeErrorPage(
          "This consent screen has expired or belongs to someone else. Start again from the app.",
        ),
      );
    }
    if (form.data.decision === "deny") {
      return reply.redirect(
        redirectWith(pending.request.redirectUri, {
          error: "access_denied",
          error_description: "The user denied access.",
          state: pending.request.state,
        }),
        302,
      );
    }
    ctx.oauth.recordConsent(app_uid, person.uid, pending.orgUid, pending.request.scopes);
    return redirectWithCode(ctx, reply, pending.request, person.uid, pending.orgUid);
  });
}
