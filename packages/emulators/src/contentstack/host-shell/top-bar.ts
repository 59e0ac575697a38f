// Contentstack's top bar: the brand, the App Switcher (Data & Insights, our app and, for Owners
// and Admins, Administration), the organization switcher, and who is signed in with their role
// in the current organization. Only what the person's role may open is offered.
import type { EmulatorContext } from "../context";
import { organizationsOf, type Organization, type Person } from "../state/world";
import { html, type SafeHtml } from "../../shared/html";
import { mayOpenDataActivationLayer, orgRoleLabel } from "./org-role";

/** The Data & Insights launch link: the Lytics emulator runs the launch OAuth from there. */
export function dataAndInsightsUrl(ctx: EmulatorContext, orgUid: string): string {
  const url = new URL("/auth/contentstack/start", ctx.lyticsUrl);
  url.searchParams.set("organization_uid", orgUid);
  return url.toString();
}

export function appPath(ctx: EmulatorContext, orgUid: string): string {
  return `/organizations/${encodeURIComponent(orgUid)}/apps/${encodeURIComponent(ctx.world.mountedAppUid)}`;
}

function initials(person: Person): string {
  return `${person.first_name.charAt(0)}${person.last_name.charAt(0)}`.toUpperCase() || "?";
}

const GRID_ICON = html`<span class="grid-icon" aria-hidden="true">${Array.from(
  { length: 9 },
  () => html`<i></i>`,
)}</span>`;

function appSwitcher(ctx: EmulatorContext, person: Person, current: Organization): SafeHtml {
  const appName = ctx.world.apps.get(ctx.world.mountedAppUid)?.name ?? "App";
  const administration = mayOpenDataActivationLayer(current, person.uid)
    ? html`<li class="heading">Administration</li>
<li><a href="/organizations/${current.uid}/data-activation-layer" data-testid="switcher-dal"><span class="app-icon admin" aria-hidden="true">⚙</span>Data Activation Layer</a></li>`
    : html``;
  return html`<details class="app-switcher" data-testid="app-switcher"><summary aria-label="App Switcher">${GRID_ICON}<span>App Switcher</span><span class="caret" aria-hidden="true">▼</span></summary>
<ul class="dropdown">
<li class="heading">Products</li>
<li><a href="${dataAndInsightsUrl(ctx, current.uid)}" data-testid="data-and-insights"><span class="app-icon dni" aria-hidden="true">D&amp;I</span>Data &amp; Insights</a></li>
<li class="heading">Apps</li>
<li><a href="${appPath(ctx, current.uid)}" data-testid="switcher-app"><span class="app-icon ours" aria-hidden="true">LA</span>${appName}</a></li>
${administration}
</ul></details>`;
}

function orgSwitcher(ctx: EmulatorContext, person: Person, current: Organization | null): SafeHtml {
  const orgs = organizationsOf(ctx.world, person.uid);
  return html`<details class="org-switcher" data-testid="org-switcher"><summary aria-label="Switch organization"><span data-testid="org-name">${current?.name ?? "Organizations"}</span><span class="caret" aria-hidden="true">▼</span></summary>
<ul class="dropdown">
<li class="heading">Your organizations</li>
${orgs.map(
  (org) =>
    html`<li><a href="/organizations/${org.uid}" data-org-uid="${org.uid}"${current?.uid === org.uid ? html` aria-current="true"` : html``}>${org.name} <span class="role-badge ${orgRoleLabel(org, person.uid) ?? ""}">${orgRoleLabel(org, person.uid) ?? ""}</span></a></li>`,
)}
</ul></details>`;
}

export function topBar(
  ctx: EmulatorContext,
  person: Person,
  current: Organization | null,
): SafeHtml {
  const role = current ? orgRoleLabel(current, person.uid) : null;
  return html`<header class="top-bar">
<a class="brand" href="/"><span class="brand-mark" aria-hidden="true">cs</span>contentstack <small>emulator</small></a>
<span class="divider" aria-hidden="true"></span>
${current ? appSwitcher(ctx, person, current) : html``}
${orgSwitcher(ctx, person, current)}
<span class="spacer"></span>
<span class="person"><span class="avatar" aria-hidden="true">${initials(person)}</span><span class="person-text"><span data-testid="signed-in-as">${person.first_name} ${person.last_name}</span><small>${person.email}${role ? html` · <span class="role-badge ${role}" data-testid="org-role">${role}</span>` : html``}</small></span></span>
<form class="sign-out" method="post" action="/logout"><button type="submit" class="link">Sign out</button></form>
</header>`;
}
