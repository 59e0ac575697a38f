// The small Lytics dashboard a launch lands on, and the direct-login / password-reset pages that
// refuse Contentstack-managed accounts (seed 000). Access is checked on every render, so a person
// removed from the account, or whose Contentstack token expired, is out at once.
import type { FastifyInstance } from "fastify";
import { z } from "zod";

import { fetchUser, type IdentityResult } from "../contentstack/contentstack-identity";
import { ContentstackCallError } from "../errors/contentstack-call-error";
import type { LyticsContext } from "../lytics-context";
import { AUDIENCE_VIEWER_ROLES, roleDisplayName } from "../store/role-catalogue";
import {
  accessDeniedPage,
  dashboardPage,
  DIRECT_LOGIN_REFUSED,
  launchProblemPage,
  PASSWORD_RESET_REFUSED,
  refusalFormPage,
  signedOutPage,
} from "./launch-pages";
import { SESSION_COOKIE } from "./launch-routes";
import { sendPage } from "./page";

const dashboardQuerySchema = z.object({ project: z.string().min(1).max(64).optional() });
const emailFormSchema = z.object({
  email: z.string().max(320).default(""),
  password: z.string().optional(),
});

export function registerDashboardRoutes(app: FastifyInstance, context: LyticsContext): void {
  const { store, sessions } = context;
  const csUrl = context.contentstackPublicUrl;

  app.get("/dashboard", async (request, reply) => {
    const found = sessions.get(request.cookies[SESSION_COOKIE]);
    if (!("session" in found)) {
      void reply.clearCookie(SESSION_COOKIE, { path: "/" });
      return sendPage(reply, 401, signedOutPage(csUrl, found.missing === "expired"));
    }
    const { session } = found;
    // Sessions follow Contentstack's: a revoked token or a person who left the organization ends it.
    // Asked on every page view (uncached), so leaving takes effect at the next click.
    let identity: IdentityResult;
    try {
      identity = await fetchUser(
        context.contentstackUrl,
        { kind: "bearer", token: session.contentstackToken },
        session.organizationUid,
      );
    } catch (error) {
      if (!(error instanceof ContentstackCallError)) throw error;
      return sendPage(
        reply,
        502,
        launchProblemPage(csUrl, "Contentstack could not be reached. Try again in a moment."),
      );
    }
    if ("refused" in identity && identity.refused === 401) {
      sessions.close(request.cookies[SESSION_COOKIE]);
      void reply.clearCookie(SESSION_COOKIE, { path: "/" });
      return sendPage(reply, 401, signedOutPage(csUrl, true));
    }
    if (
      !("user" in identity) ||
      !identity.user.organizations.some((org) => org.uid === session.organizationUid)
    ) {
      sessions.close(request.cookies[SESSION_COOKIE]);
      void reply.clearCookie(SESSION_COOKIE, { path: "/" });
      return sendPage(
        reply,
        403,
        accessDeniedPage(csUrl, "You are no longer a member of this organization."),
      );
    }
    const query = dashboardQuerySchema.safeParse(request.query);
    const projectUid = query.success ? query.data.project : undefined;
    const accounts = store.accountsOfOrganization(session.organizationUid);
    const account = projectUid
      ? accounts.find((a) => a.project_uid === projectUid)
      : store.accountByAid(session.aid);
    const user = store.userById(session.lyticsUserId);
    const membership = user && account ? account.members.get(user.id) : undefined;
    if (!account || !user || !membership) return sendPage(reply, 403, accessDeniedPage(csUrl));
    const canSeeAudiences = membership.roles.some((role) => AUDIENCE_VIEWER_ROLES.has(role));
    const body = dashboardPage({
      account,
      personName: user.name,
      personEmail: user.email,
      roleNames: membership.roles.map(roleDisplayName),
      audiences: canSeeAudiences ? account.audiences : null,
      otherProjects: accounts
        .filter((other) => other.aid !== account.aid && other.members.has(user.id))
        .map((other) => ({ uid: other.project_uid, name: other.name })),
      contentstackUrl: csUrl,
    });
    return sendPage(reply, 200, body);
  });

  // Direct login and password reset exist only to refuse Contentstack-managed accounts (seed 000)
  // with the way forward; the answer is the same for any email, so neither reveals who has an
  // account.
  const refusalForms = [
    { path: "/login", title: "Sign in to Lytics", refusal: DIRECT_LOGIN_REFUSED },
    { path: "/password-reset", title: "Reset your password", refusal: PASSWORD_RESET_REFUSED },
  ] as const;
  for (const form of refusalForms) {
    const page = { title: form.title, action: form.path, contentstackUrl: csUrl };
    app.get(form.path, async (_request, reply) => sendPage(reply, 200, refusalFormPage(page)));
    app.post(form.path, async (request, reply) => {
      if (!emailFormSchema.safeParse(request.body ?? {}).success)
        return reply.code(400).send("Bad form");
      return sendPage(reply, 403, refusalFormPage({ ...page, refusal: form.refusal }));
    });
  }
}
