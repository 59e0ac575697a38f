// The organization area of the shell: our app mounted at its Global Full Page location inside
// the organization settings, the settings pages beside it, and the Data Activation Layer
// settings, which only Owners and Admins may open (seed 000, DESIGN §5); everyone else is told
// who can.
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { z } from "zod";

import { mintAppToken } from "../app-token/app-token";
import type { EmulatorContext } from "../context";
import { activeMembership, isOwnerOrAdmin, type Organization, type Person } from "../state/world";
import { html, jsonForScript, type SafeHtml } from "../../shared/html";
import { sendProblemPage } from "./error-pages";
import { globalFullPageInitData } from "./init-data";
import { mayOpenDataActivationLayer, orgRoleLabel } from "./org-role";
import { pageLayout } from "./page-layout";
import { CURRENT_ORG_COOKIE, loginRedirect, signedInPerson } from "./session-cookie";
import { settingsPage, type SettingsSection } from "./settings-layout";
import { appPath } from "./top-bar";

const orgParams = z.object({ org_uid: z.string().min(1) });
const appParams = orgParams.extend({ app_uid: z.string().min(1) });
const dalFormSchema = z.object({
  title: z.string().trim().min(1, "Title is required").max(100),
  domain: z.string().trim().min(1, "Domain is required").max(253),
});

/** How long the app may take, once its frame has loaded, to start the App SDK handshake. */
const HANDSHAKE_TIMEOUT_MS = 10_000;

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
      sent: sendProblemPage(ctx, request, reply, {
        status: 404,
        title: "Organization not found",
        message: html`There is no organization <code>${orgUid}</code>.`,
        advice: html`<p>It may have been deleted, or the link is wrong. Pick one of your organizations instead.</p>`,
        links: html`<a class="button" href="/" data-testid="back-link">Back to your organizations</a>`,
      }),
    };
  if (!activeMembership(org, person.uid)) {
    return {
      sent: sendProblemPage(ctx, request, reply, {
        status: 403,
        title: "You are not a member of this organization",
        message: html`You are signed in as ${person.first_name} ${person.last_name} (${person.email}), who is not a member of ${org.name}.`,
        advice: html`<p>Ask an Owner or Admin of ${org.name} to invite you, or sign in as someone else.</p>`,
        links: html`<a class="button" href="/" data-testid="back-link">Back to your organizations</a>`,
      }),
    };
  }
  reply.setCookie(CURRENT_ORG_COOKIE, org.uid, { httpOnly: true, sameSite: "lax", path: "/" });
  return { person, org };
}

function personName(ctx: EmulatorContext, userUid: string): string {
  const person = ctx.world.people.get(userUid);
  return person ? `${person.first_name} ${person.last_name} (${person.email})` : userUid;
}

/** Who to ask: the Owner and the Admins, by name. */
function ownersAndAdmins(ctx: EmulatorContext, org: Organization): SafeHtml {
  const admins = org.members
    .filter(
      (member) =>
        member.status === "accepted" &&
        member.user_uid !== null &&
        member.user_uid !== org.owner_uid &&
        orgRoleLabel(org, member.user_uid) === "Admin",
    )
    .map((member) => personName(ctx, member.user_uid ?? ""));
  return html`<ul class="plain" data-testid="who-to-ask">
<li>Owner: ${personName(ctx, org.owner_uid)}</li>
${admins.map((admin) => html`<li>Admin: ${admin}</li>`)}
</ul>`;
}

function dalContent(
  ctx: EmulatorContext,
  person: Person,
  org: Organization,
  error: string | null,
): SafeHtml {
  const dal = org.data_activation_layer;
  const state = dal
    ? html`<p data-testid="dal-state">The Data Activation Layer <strong>${dal.title}</strong> exists (domain ${dal.domain}, created ${dal.created_at} by ${personName(ctx, dal.created_by)}).</p>`
    : html`<p data-testid="dal-state">This organization has no Data Activation Layer yet. Data &amp; Insights cannot be used until one exists.</p>`;
  const action =
    dal || !isOwnerOrAdmin(org, person.uid)
      ? html``
      : html`<form method="post" action="/organizations/${org.uid}/data-activation-layer">
<p><label><input type="checkbox" name="accept_terms" required> I accept the data privacy terms</label></p>
<p><label>Title<br><input name="title" required></label></p>
<p><label>Domain<br><input name="domain" required placeholder="www.example.com"></label></p>
<button type="submit">+ New DAL Configuration</button></form>`;
  return html`<div class="breadcrumb">Organization settings</div><div class="card"><h1>Data Activation Layer</h1>
${error ? html`<p class="error">${error}</p>` : html``}${state}${action}</div>`;
}

/** A Member or Guest who reaches the DAL settings: refused, with who can and the way back. */
function sendDalRefused(
  ctx: EmulatorContext,
  request: FastifyRequest,
  reply: FastifyReply,
  person: Person,
  org: Organization,
): FastifyReply {
  const role = orgRoleLabel(org, person.uid) ?? "Member";
  const appName = ctx.world.apps.get(ctx.world.mountedAppUid)?.name ?? "the app";
  const content = html`<div class="card problem" role="alert" data-testid="problem" data-status="403">
<div class="status">Error 403</div>
<h1>Only Owners and Admins can open the Data Activation Layer</h1>
<p data-testid="problem-message">Your role in ${org.name} is <strong>${role}</strong>. Only an organization Owner or Admin can see or create the Data Activation Layer.</p>
<p>${org.data_activation_layer ? "The organization has one already, and Data & Insights opens from the App Switcher. For changes to it, ask:" : "Data & Insights can be used once one of them has created it. To ask for it, contact:"}</p>
${ownersAndAdmins(ctx, org)}
<div class="actions"><a class="button" href="${appPath(ctx, org.uid)}" data-testid="back-link">Back to ${appName}</a></div>
</div>`;
  return sendHtml(
    reply,
    403,
    "Data Activation Layer",
    settingsPage(ctx, person, org, null, content),
  );
}

function infoContent(ctx: EmulatorContext, person: Person, org: Organization): SafeHtml {
  const accepted = org.members.filter((member) => member.status === "accepted").length;
  return html`<div class="breadcrumb">Organization settings</div><div class="card"><h1>Organization info</h1>
<dl class="facts">
<dt>Name</dt><dd>${org.name}</dd>
<dt>Organization UID</dt><dd><code>${org.uid}</code></dd>
<dt>Owner</dt><dd>${personName(ctx, org.owner_uid)}</dd>
<dt>Members</dt><dd>${accepted}</dd>
<dt>Your role</dt><dd data-testid="your-role">${orgRoleLabel(org, person.uid) ?? ""}</dd>
<dt>Data Activation Layer</dt><dd>${org.data_activation_layer ? org.data_activation_layer.title : "not created yet"}</dd>
</dl></div>`;
}

function usersContent(ctx: EmulatorContext, org: Organization): SafeHtml {
  const rows = org.members.map((member) => {
    const person = member.user_uid ? ctx.world.people.get(member.user_uid) : undefined;
    const role =
      member.status === "pending"
        ? member.guest
          ? "Guest"
          : "Member"
        : (orgRoleLabel(org, member.user_uid ?? "") ?? "");
    return html`<tr><td>${person ? `${person.first_name} ${person.last_name}` : "(invited)"}</td><td>${member.email}</td><td>${role}</td><td>${member.status === "accepted" ? "Active" : "Invitation pending"}</td></tr>`;
  });
  return html`<div class="breadcrumb">Organization settings</div><div class="card"><h1>Users</h1>
<table><thead><tr><th>Name</th><th>Email</th><th>Organization role</th><th>Status</th></tr></thead><tbody>${rows}</tbody></table></div>`;
}

function rolesContent(ctx: EmulatorContext, org: Organization): SafeHtml {
  const rows = org.roles.map(
    (role) =>
      html`<tr><td>${role.name}</td><td>${role.description}</td><td>${role.admin ? "Yes" : "No"}</td></tr>`,
  );
  return html`<div class="breadcrumb">Organization settings</div><div class="card"><h1>Roles</h1>
<table><thead><tr><th>Role</th><th>Description</th><th>Administers the organization</th></tr></thead><tbody>${rows}</tbody></table>
<p class="note">The Owner, ${personName(ctx, org.owner_uid)}, has every Admin right. Guests hold a role here only to reach the stacks or projects they were invited to.</p></div>`;
}

const SETTINGS_PAGES: Array<{
  path: string;
  section: Exclude<SettingsSection, null>;
  title: string;
  content: (ctx: EmulatorContext, person: Person, org: Organization) => SafeHtml;
}> = [
  { path: "info", section: "info", title: "Organization info", content: infoContent },
  {
    path: "users",
    section: "users",
    title: "Users",
    content: (ctx, _p, org) => usersContent(ctx, org),
  },
  {
    path: "roles",
    section: "roles",
    title: "Roles",
    content: (c, _p, org) => rolesContent(c, org),
  },
];

export function registerOrganizationPages(app: FastifyInstance, ctx: EmulatorContext): void {
  app.get("/organizations/:org_uid", async (request, reply) => {
    const { org_uid } = orgParams.parse(request.params);
    return reply.redirect(appPath(ctx, org_uid), 302);
  });

  for (const page of SETTINGS_PAGES) {
    app.get(`/organizations/:org_uid/${page.path}`, async (request, reply) => {
      const { org_uid } = orgParams.parse(request.params);
      const opened = openOrganization(ctx, request, reply, org_uid);
      if ("sent" in opened) return opened.sent;
      const { person, org } = opened;
      return sendHtml(
        reply,
        200,
        page.title,
        settingsPage(ctx, person, org, page.section, page.content(ctx, person, org)),
      );
    });
  }

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
      const name = registered?.name ?? app_uid;
      return sendProblemPage(ctx, request, reply, {
        status: 404,
        title: "App not installed",
        message: html`The app ${name} is not installed in ${org.name}.`,
        advice: html`<p>An Owner or Admin installs apps from Marketplace. In the emulator, installations come from the fixture (<code>app.installations</code>).</p>`,
      });
    }
    const iframeSrc = new URL(registered.global_full_page_url);
    iframeSrc.searchParams.set("app-token", await mintAppToken(ctx, org.uid, person.uid));
    const config = {
      appName: registered.name,
      appOrigin: iframeSrc.origin,
      appUrl: registered.global_full_page_url,
      iframeSrc: iframeSrc.toString(),
      statusUrl: `/host-shell/app-status?organization_uid=${encodeURIComponent(org.uid)}&app_uid=${encodeURIComponent(registered.app_uid)}`,
      handshakeTimeoutMs: HANDSHAKE_TIMEOUT_MS,
      initData: globalFullPageInitData(ctx, registered, installation.uid, org, person),
    };
    const head = html`<script src="/host-shell/post-robot.js"></script>`;
    const content = html`<div class="app-header"><span class="app-icon ours" aria-hidden="true">LA</span><h1>${registered.name}</h1></div>
<div id="app-problem" hidden></div>
<script type="application/json" id="host-config">${jsonForScript(config)}</script>
<div id="app-frame-slot"></div>
<script src="/host-shell/host-frame.js"></script>`;
    return sendHtml(
      reply,
      200,
      registered.name,
      settingsPage(ctx, person, org, "app", content, { appFrame: true }),
      head,
    );
  });

  app.get("/organizations/:org_uid/data-activation-layer", async (request, reply) => {
    const { org_uid } = orgParams.parse(request.params);
    const opened = openOrganization(ctx, request, reply, org_uid);
    if ("sent" in opened) return opened.sent;
    const { person, org } = opened;
    if (!mayOpenDataActivationLayer(org, person.uid))
      return sendDalRefused(ctx, request, reply, person, org);
    return sendHtml(
      reply,
      200,
      "Data Activation Layer",
      settingsPage(ctx, person, org, "data-activation-layer", dalContent(ctx, person, org, null)),
    );
  });

  app.post("/organizations/:org_uid/data-activation-layer", async (request, reply) => {
    const { org_uid } = orgParams.parse(request.params);
    const opened = openOrganization(ctx, request, reply, org_uid);
    if ("sent" in opened) return opened.sent;
    const { person, org } = opened;
    if (!mayOpenDataActivationLayer(org, person.uid))
      return sendDalRefused(ctx, request, reply, person, org);
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
        settingsPage(
          ctx,
          person,
          org,
          "data-activation-layer",
          dalContent(ctx, person, org, form.error.issues.map((issue) => issue.message).join("; ")),
        ),
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
