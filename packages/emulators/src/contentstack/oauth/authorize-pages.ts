import { html } from "../../shared/html";
import { pageLayout } from "../host-shell/page-layout";
import type { Organization, Person, RegisteredApp } from "../state/world";

export function authorizeErrorPage(message: string): string {
  return pageLayout(
    "Authorization error",
    html`<main><div class="card"><h1 class="error">This app cannot be authorized</h1>
<p data-testid="oauth-error">${message}</p>
<p>The request was not sent back to the app, because its redirect could not be trusted.</p></div></main>`,
  );
}

export function organizationPickerPage(
  person: Person,
  orgs: readonly Organization[],
  authorizeUrl: URL,
): string {
  const links = orgs.map((org) => {
    const url = new URL(authorizeUrl);
    url.searchParams.set("organization_uid", org.uid);
    return html`<li><a href="${url.pathname + url.search}" data-org-uid="${org.uid}">${org.name}</a></li>`;
  });
  return pageLayout(
    "Choose an organization",
    html`<main><div class="card"><h1>Choose an organization</h1>
<p>Signed in as ${person.first_name} ${person.last_name}. Which organization is this authorization for?</p>
<ul>${links}</ul></div></main>`,
  );
}

export function consentPage(input: {
  app: RegisteredApp;
  person: Person;
  org: Organization;
  scopes: readonly string[];
  consentId: string;
}): string {
  const { app, person, org, scopes, consentId } = input;
  return pageLayout(
    "Authorize app",
    html`<main><div class="card" data-testid="consent">
<h1>Authorize ${app.name}</h1>
<p><strong>${app.name}</strong> wants to access <strong>${org.name}</strong> on behalf of ${person.first_name} ${person.last_name} (${person.email}).</p>
<p>It asks for:</p>
<ul>${scopes.map((scope) => html`<li><code>${scope}</code></li>`)}</ul>
<form method="post" action="/apps/${app.app_uid}/authorize">
<input type="hidden" name="consent_id" value="${consentId}">
<button type="submit" name="decision" value="accept">Authorize</button>
<button type="submit" name="decision" value="deny">Cancel</button>
</form></div></main>`,
  );
}
