// The App Switcher launch (seed 000, DESIGN §5): Contentstack OAuth (code + PKCE + state) from the
// Lytics side. `/auth/contentstack/start` sends the browser to Contentstack's authorize page;
// `/auth/contentstack/callback` trades the code server-to-server, finds the person's Lytics user
// in the organization's accounts and opens a session that ends with the Contentstack token.
// Redirect targets are built only from server data: nothing from the query becomes a URL.
import type { FastifyInstance } from "fastify";
import { z } from "zod";

import { fetchUser } from "../contentstack/contentstack-identity";
import {
  admitToDalAccount,
  fetchDataActivationLayer,
  provisionFromDataActivationLayer,
} from "../contentstack/data-activation-layer";
import { exchangeLaunchCode } from "../contentstack/exchange-launch-code";
import { ContentstackCallError } from "../errors/contentstack-call-error";
import type { LyticsContext } from "../lytics-context";
import { accessDeniedPage, launchProblemPage, noDataActivationLayerPage } from "./launch-pages";
import { sendPage } from "./page";

export const STATE_COOKIE = "lytics_launch_state";
export const SESSION_COOKIE = "lytics_session";
export const CALLBACK_PATH = "/auth/contentstack/callback";

const startQuerySchema = z.object({
  organization_uid: z.string().min(1).max(64),
  project: z.string().min(1).max(64).optional(),
});

const deniedQuerySchema = z.object({ error: z.string().min(1).max(64) });

const callbackQuerySchema = z.object({
  code: z.string().min(1).max(512),
  state: z.string().min(1).max(128),
  location: z.string().max(32).optional(),
});

export function registerLaunchRoutes(app: FastifyInstance, context: LyticsContext): void {
  const { store, sessions } = context;
  const csUrl = context.contentstackPublicUrl;
  // Read per request: with port 0 the public URL is only known once the server listens.
  const redirectUri = (): string => new URL(CALLBACK_PATH, context.publicUrl).toString();

  app.get("/auth/contentstack/start", async (request, reply) => {
    const query = startQuerySchema.safeParse(request.query);
    if (!query.success)
      return sendPage(
        reply,
        400,
        launchProblemPage(csUrl, "The launch link is missing the organization."),
      );
    const { organization_uid: organizationUid, project } = query.data;
    if (project !== undefined) {
      const account = store.accountByProjectUid(project);
      if (!account || account.organization_uid !== organizationUid) {
        return sendPage(
          reply,
          400,
          launchProblemPage(
            csUrl,
            "The launch link names a project this organization does not have.",
          ),
        );
      }
    }
    const client = store.world.lytics_launch_client;
    const { state, codeChallenge } = sessions.begin(organizationUid, project ?? null);
    const authorize = new URL(`/apps/${encodeURIComponent(client.app_uid)}/authorize`, csUrl);
    authorize.search = new URLSearchParams({
      response_type: "code",
      client_id: client.client_id,
      redirect_uri: redirectUri(),
      scope: client.scopes.join(" "),
      state,
      code_challenge: codeChallenge,
      code_challenge_method: "S256",
      // The launch is for one organization: Contentstack need not ask which.
      organization_uid: organizationUid,
    }).toString();
    void reply.setCookie(STATE_COOKIE, state, {
      path: "/auth/contentstack",
      httpOnly: true,
      sameSite: "lax",
      maxAge: 600,
    });
    return reply.redirect(authorize.toString(), 302);
  });

  app.get(CALLBACK_PATH, async (request, reply) => {
    const query = callbackQuerySchema.safeParse(request.query);
    if (!query.success) {
      const denied = deniedQuerySchema.safeParse(request.query).success;
      const problem = denied
        ? "The authorization was cancelled in Contentstack."
        : "Contentstack sent no sign-in code.";
      return sendPage(reply, 400, launchProblemPage(csUrl, problem));
    }
    const cookieState = request.cookies[STATE_COOKIE];
    void reply.clearCookie(STATE_COOKIE, { path: "/auth/contentstack" });
    const launch = cookieState === query.data.state ? sessions.take(query.data.state) : undefined;
    if (!launch) {
      return sendPage(
        reply,
        400,
        launchProblemPage(csUrl, "The sign-in could not be verified (unknown or expired state)."),
      );
    }
    const client = store.world.lytics_launch_client;
    try {
      const tokens = await exchangeLaunchCode({
        baseUrl: context.contentstackUrl,
        clientId: client.client_id,
        clientSecret: client.client_secret,
        redirectUri: redirectUri(),
        code: query.data.code,
        codeVerifier: launch.codeVerifier,
      });
      if (!tokens)
        return sendPage(
          reply,
          400,
          launchProblemPage(csUrl, "Contentstack did not accept the sign-in code."),
        );
      const identity = await fetchUser(
        context.contentstackUrl,
        { kind: "bearer", token: tokens.access_token },
        launch.organizationUid,
      );
      const csUser = "user" in identity ? identity.user : undefined;
      const organization = csUser?.organizations.find((org) => org.uid === launch.organizationUid);
      if (!csUser || !organization) return sendPage(reply, 403, accessDeniedPage(csUrl));
      let accounts = store.accountsOfOrganization(organization.uid);
      if (accounts.length === 0) {
        // Seed 000: the organization's account comes into being once its DAL exists.
        const dal = await fetchDataActivationLayer(
          context.contentstackUrl,
          { kind: "bearer", token: tokens.access_token },
          organization.uid,
        );
        if (!dal) return sendPage(reply, 200, noDataActivationLayerPage(csUrl, organization.name));
        accounts = [provisionFromDataActivationLayer(store, organization, dal)];
      }
      for (const account of accounts) admitToDalAccount(store, account, organization, csUser);
      const lyticsUser = store.findUserOfPerson(csUser.uid, csUser.email);
      const candidates = launch.projectUid
        ? accounts.filter((a) => a.project_uid === launch.projectUid)
        : accounts;
      const account = lyticsUser
        ? candidates.find((candidate) => candidate.members.has(lyticsUser.id))
        : undefined;
      if (!lyticsUser || !account) return sendPage(reply, 403, accessDeniedPage(csUrl));
      store.recordLogon(lyticsUser.id);
      const sessionId = sessions.open({
        organizationUid: organization.uid,
        csUserUid: csUser.uid,
        lyticsUserId: lyticsUser.id,
        aid: account.aid,
        expiresAt: context.clock.now() + tokens.expires_in * 1000,
        contentstackToken: tokens.access_token,
      });
      void reply.setCookie(SESSION_COOKIE, sessionId, {
        path: "/",
        httpOnly: true,
        sameSite: "lax",
        maxAge: tokens.expires_in,
      });
      return reply.redirect(`/dashboard?project=${encodeURIComponent(account.project_uid)}`, 302);
    } catch (error) {
      if (error instanceof ContentstackCallError) {
        return sendPage(
          reply,
          502,
          launchProblemPage(csUrl, "Contentstack could not be reached. Try again in a moment."),
        );
      }
      throw error;
    }
  });
}
