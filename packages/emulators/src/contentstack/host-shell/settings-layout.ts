// The organization settings frame: the top bar, the left settings nav (Organization info, Users,
// Roles, the Data Activation Layer for Owners and Admins only, and the installed app), and the
// page's own content beside it.
import type { EmulatorContext } from "../context";
import type { Organization, Person } from "../state/world";
import { html, type SafeHtml } from "../../shared/html";
import { mayOpenDataActivationLayer } from "./org-role";
import { appPath, topBar } from "./top-bar";

export type SettingsSection = "info" | "users" | "roles" | "data-activation-layer" | "app" | null;

function navLink(href: string, label: string, active: boolean, testId: string): SafeHtml {
  return html`<a href="${href}" data-testid="${testId}"${active ? html` aria-current="page"` : html``}>${label}</a>`;
}

export function settingsNav(
  ctx: EmulatorContext,
  person: Person,
  org: Organization,
  active: SettingsSection,
): SafeHtml {
  const base = `/organizations/${encodeURIComponent(org.uid)}`;
  const appName = ctx.world.apps.get(ctx.world.mountedAppUid)?.name ?? "App";
  return html`<nav class="settings" aria-label="Organization settings">
<div class="org-title">${org.name}</div>
<div class="heading">Organization settings</div>
${navLink(`${base}/info`, "Organization info", active === "info", "nav-info")}
${navLink(`${base}/users`, "Users", active === "users", "nav-users")}
${navLink(`${base}/roles`, "Roles", active === "roles", "nav-roles")}
${
  mayOpenDataActivationLayer(org, person.uid)
    ? navLink(
        `${base}/data-activation-layer`,
        "Data Activation Layer",
        active === "data-activation-layer",
        "nav-dal",
      )
    : html``
}
<div class="heading">Apps</div>
${navLink(appPath(ctx, org.uid), appName, active === "app", "nav-app")}
</nav>`;
}

/** Top bar, settings nav and the content; `appFrame` lets the app fill the content area. */
export function settingsPage(
  ctx: EmulatorContext,
  person: Person,
  org: Organization,
  active: SettingsSection,
  content: SafeHtml,
  options: { appFrame?: boolean } = {},
): SafeHtml {
  return html`${topBar(ctx, person, org)}<div class="org-layout">${settingsNav(ctx, person, org, active)}
<main class="content${options.appFrame ? " app" : ""}">${content}</main></div>`;
}
