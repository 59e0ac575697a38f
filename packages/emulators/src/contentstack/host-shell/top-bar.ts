import type { EmulatorContext } from "../context";
import { organizationsOf, type Organization, type Person } from "../state/world";
import { html, type SafeHtml } from "../../shared/html";

/** The Data & Insights launch link: the Lytics emulator runs the launch OAuth from there. */
export function dataAndInsightsUrl(ctx: EmulatorContext, orgUid: string): string {
  const url = new URL("/auth/contentstack/start", ctx.lyticsUrl);
  url.searchParams.set("organization_uid", orgUid);
  return url.toString();
}

export function topBar(
  ctx: EmulatorContext,
  person: Person,
  current: Organization | null,
): SafeHtml {
  const orgs = organizationsOf(ctx.world, person.uid);
  const appSwitcher = current
    ? html`<details class="app-switcher" data-testid="app-switcher"><summary>App Switcher</summary><ul>
<li><a href="/organizations/${current.uid}/apps/${ctx.world.mountedAppUid}">Organization settings</a></li>
<li><a href="/organizations/${current.uid}/data-activation-layer">Administration: Data Activation Layer</a></li>
<li><a href="${dataAndInsightsUrl(ctx, current.uid)}" data-testid="data-and-insights">Data &amp; Insights</a></li>
</ul></details>`
    : html``;
  const orgSwitcher =
    orgs.length > 1
      ? html`<details class="org-switcher" data-testid="org-switcher"><summary>${current?.name ?? "Organizations"}</summary><ul>
${orgs.map((org) => html`<li><a href="/organizations/${org.uid}" data-org-uid="${org.uid}">${org.name}</a></li>`)}
</ul></details>`
      : html`<span data-testid="org-name">${current?.name ?? ""}</span>`;
  return html`<header class="top-bar">
<a href="/"><strong>Contentstack</strong></a>
${appSwitcher}
${orgSwitcher}
<span class="spacer"></span>
<span data-testid="signed-in-as">${person.first_name} ${person.last_name}</span>
<form method="post" action="/logout"><button type="submit">Sign out</button></form>
</header>`;
}
