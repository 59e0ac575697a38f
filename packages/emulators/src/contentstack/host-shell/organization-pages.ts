// The organization area of the shell: our app mounted at its Global Full Page location, and the
// Data Activation Layer settings (Owner/Admin create it; Members are told who can).
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { z } from "zod";

import { mintAppToken } from "../app-token/app-token";
import type { EmulatorContext } from "../context";
import { activeMembership, isOwnerOrAdmin, type Organization, type Person } from "../state/world";
import { html, jsonForScript, type SafeHtml } from "../../shared/html";
import { globalFullPageInitData } from "./init-data";
import { pageLayout } from "./page-layout";
import { CURRENT_ORG_COOKIE, loginRedirect, signedInPerson } from "./session-cookie";
import { topBar } from "./top-bar";

const orgParams = z.object({ org_uid: z.string().min(1) });
const appParams = orgParams.extend({ app_uid: z.string().min(1) });
const dalFormSchema = z.object({
  title: z.string().trim().min(1, "Title is required").max(100),
  domain: z.string().trim().min(1, "Domain is required").max(253),
});

function sendHtml(
  reply: FastifyReply,
  status: number,
  title: string,
  body: SafeHtml,
  head?: SafeHtml,
) {
  return reply
    .code(status)
    .type("text/html; charset=utf-8")
    .header("cache-control", "no-store")
    .send(pageLayout(title, body, head));
}

/** The signed-in member and the organization, or a reply already sent (sign-in, 404, 403). */
function openOrganization(
  ctx: EmulatorContext,
  request: FastifyRequest,
  reply: FastifyReply,
  orgUid: string,
) {
  const person = signedInPerson(ctx, request);
  if (!person) return { sent: reply.redirect(loginRedirect(request), 302) };
  const org = ctx.world.organizations.get(orgUid);
  if (!org)
    return {
      sent: sendHtml(
        reply,
        404,
        "Not found",
        html`<main><p class="error">There is no such organization.</p></main>`,
      ),
    };
  if (!activeMembership(org, person.uid)) {
    return {
      sent: sendHtml(
        reply,
        403,
        "No access",
        html`${topBar(ctx, person, null)}<main><p class="error">You are not a member of ${org.name}.</p></main>`,
      ),
    };
  }
  reply.setCookie(CURRENT_ORG_COOKIE, org.uid, { httpOnly: true, sameSite: "lax", path: "/" });
  return { person, org };
}

function settingsNav(ctx: EmulatorContext, org: Organization): SafeHtml {
  return html`<nav class="settings">
<a href="/organizations/${org.uid}/apps/${ctx.world.mountedAppUid}">Apps: ${ctx.world.apps.get(ctx.world.mountedAppUid)?.name ?? ""}</a>
<a href="/organizations/${org.uid}/data-activation-layer">Data Activation Layer</a>
</nav>`;
}

function dalBody(
  ctx: EmulatorContext,
  person: Person,
  org: Organization,
  error: string | null,
): SafeHtml {
  const dal = org.data_activation_layer;
  const canCreate = isOwnerOrAdmin(org, person.uid);
  const state = dal
    ? html`<p data-testid="dal-state">The Data Activation Layer <strong>${dal.title}</strong> exists (domain ${dal.domain}, created ${dal.created_at}).</p>`
    : html`<p data-testid="dal-state">This organization has no Data Activation Layer yet. Data &amp; Insights cannot be used until one exists.</p>`;
  const action = dal
    ? html``
    : canCreate
      ? html`<form method="post" action="/organizations/${org.uid}/data-activation-layer">
<p><label><input type="checkbox" name="accept_terms" required> I accept the data privacy terms</label></p>
<p><label>Title <input name="title" required></label></p>
<p><label>Domain <input name="domain" required placeholder="www.example.com"></label></p>
<button type="submit">+ New DAL Configuration</button></form>`
      : html`<p data-testid="dal-members-note">Only an organization Owner or Admin can create the Data Activation Layer.</p>`;
  return html`${topBar(ctx, person, org)}<main>${settingsNav(ctx, org)}<div class="card"><h1>Data Activation Layer</h1>
${error ? html`<p class="error">${error}</p>` : html``}${state}${action}</div></main>`;
}

export function registerOrganizationPages(app: FastifyInstance, ctx: EmulatorContext): void {
  app.get("/organizations/:org_uid", async (request, reply) => {
    const { org_uid } = orgParams.parse(request.params);
    return reply.redirect(
      `/organizations/${encodeURIComponent(org_uid)}/apps/${encodeURIComponent(ctx.world.mountedAppUid)}`,
      302,
    );
  });

  app.get("/organizations/:org_uid/apps/:app_uid", async (request, reply) => {
    const { org_uid, app_uid } = appParams.parse(request.params);
    const opened = openOrganization(ctx, request, reply, org_uid);
    if ("sent" in opened) return opened.sent;
    const { person, org } = opened;
    const registered = ctx.world.apps.get(app_uid);
    const installation = registered?.installations.find(
      (candidate) => candidate.organization_uid === org.uid,
    );
    if (!registered?.global_full_page_url || !installation) {
      return sendHtml(
        reply,
        404,
        "App not installed",
        html`${topBar(ctx, person, org)}<main><p class="error">This app is not installed in ${org.name}.</p></main>`,
      );
    }
    const iframeSrc = new URL(registered.global_full_page_url);
    iframeSrc.searchParams.set("app-token", await mintAppToken(ctx, org.uid, person.uid));
    const config = {
      appName: registered.name,
      appOrigin: iframeSrc.origin,
      iframeSrc: iframeSrc.toString(),
      initData: globalFullPageInitData(ctx, registered, installation.uid, org, person),
    };
    const head = html`<script src="/host-shell/post-robot.js"></script>`;
    const body = html`${topBar(ctx, person, org)}<main>${settingsNav(ctx, org)}
<script type="application/json" id="host-config">${jsonForScript(config)}</script>
<div id="app-frame-slot"></div>
<script src="/host-shell/host-frame.js"></script></main>`;
    return sendHtml(reply, 200, registered.name, body, head);
  });

  app.get("/organizations/:org_uid/data-activation-layer", async (request, reply) => {
    const { org_uid } = orgParams.parse(request.params);
    const opened = openOrganization(ctx, request, reply, org_uid);
    if ("sent" in opened) return opened.sent;
    return sendHtml(
      reply,
      200,
      "Data Activation Layer",
      dalBody(ctx, opened.person, opened.org, null),
    );
  });

  app.post("/organizations/:org_uid/data-activation-layer", async (request, reply) => {
    const { org_uid } = orgParams.parse(request.params);
    const opened = openOrganization(ctx, request, reply, org_uid);
    if ("sent" in opened) return opened.sent;
    const { person, org } = opened;
    if (!isOwnerOrAdmin(org, person.uid)) {
      return sendHtml(
        reply,
        403,
        "Data Activation Layer",
        dalBody(
          ctx,
          person,
          org,
          "Only an organization Owner or Admin can create the Data Activation Layer.",
        ),
      );
    }
    if (org.data_activation_layer)
      return reply.redirect(
        `/organizations/${encodeURIComponent(org.uid)}/data-activation-layer`,
        303,
      );
    const form = dalFormSchema.safeParse(request.body);
    if (!form.success) {
      return sendHtml(
        reply,
        400,
        "Data Activation Layer",
        dalBody(ctx, person, org, form.error.issues.map((issue) => issue.message).join("; ")),
      );
    }
    org.data_activation_layer = {
      uid: `dal_${org.uid}`,
      title: form.data.title,
      domain: form.data.domain,
      created_by: person.uid,
      created_at: new Date(ctx.clock.now()).toISOString(),
    };
    return reply.redirect(
      `/organizations/${encodeURIComponent(org.uid)}/data-activation-layer`,
      303,
    );
  });
}
