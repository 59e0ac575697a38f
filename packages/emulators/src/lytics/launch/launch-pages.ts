// The pages a person sees on the Lytics side, with seed 000's wording for each refusal.
import type { AccountRecord } from "../store/lytics-store";
import { html, type SafeHtml } from "../../shared/html";
import { page } from "./page";

export const ACCESS_DENIED_TEXT = "Insufficient permissions — Ask Org Owner to verify your role";
export const NO_DAL_TEXT =
  "Before you can access Data & Insights (Lytics), an Organization Owner or Admin must first create a Data Activation Layer in the Organization Admin settings.";
export const DIRECT_LOGIN_REFUSED =
  "Direct login is not supported for Contentstack-managed accounts. Use the Contentstack App Switcher.";
export const PASSWORD_RESET_REFUSED =
  "Password reset is not supported for Contentstack-managed accounts. Use Contentstack login only.";
export const AUDIENCES_HIDDEN_TEXT =
  "Missing audiences or metrics: role-based visibility — ensure you have Editor or Admin access";

function backLink(contentstackUrl: string): SafeHtml {
  return html`<p><a data-testid="contentstack-link" href="${contentstackUrl}">Back to Contentstack</a></p>`;
}

export function accessDeniedPage(contentstackUrl: string, detail?: string): string {
  return page(
    "Access denied",
    html`<h1>Access denied</h1><p class="error" data-testid="access-denied">${ACCESS_DENIED_TEXT}</p>
${detail ? html`<p>${detail}</p>` : ""}${backLink(contentstackUrl)}`,
  );
}

export function noDataActivationLayerPage(
  contentstackUrl: string,
  organizationName: string,
): string {
  return page(
    "Data & Insights is not set up",
    html`<h1>Data &amp; Insights is not set up for ${organizationName}</h1>
<p class="note" data-testid="no-dal">${NO_DAL_TEXT}</p>${backLink(contentstackUrl)}`,
  );
}

/** A failed or stale launch: say what happened and send the person back to the App Switcher. */
export function launchProblemPage(contentstackUrl: string, problem: string): string {
  return page(
    "Sign-in problem",
    html`<h1>We could not sign you in</h1><p class="error" data-testid="launch-problem">${problem}</p>
<p>Open Data &amp; Insights again from the Contentstack App Switcher. If this keeps happening, clear this site's cookies and retry.</p>
${backLink(contentstackUrl)}`,
  );
}

export function signedOutPage(contentstackUrl: string, expired: boolean): string {
  const text = expired
    ? "Your session ended because your Contentstack session expired."
    : "You are not signed in. Open Data & Insights from the Contentstack App Switcher.";
  return page(
    "Signed out",
    html`<h1>Signed out</h1><p data-testid="signed-out">${text}</p>${backLink(contentstackUrl)}`,
  );
}

export interface DashboardView {
  account: AccountRecord;
  personName: string;
  personEmail: string;
  roleNames: string[];
  audiences: AccountRecord["audiences"] | null;
  otherProjects: Array<{ uid: string; name: string }>;
  contentstackUrl: string;
}

export function dashboardPage(view: DashboardView): string {
  const audiences = view.audiences
    ? html`<table data-testid="audiences"><tr><th>Audience</th><th>Size</th></tr>${view.audiences.map(
        (audience) => html`<tr><td>${audience.name}</td><td>${audience.size}</td></tr>`,
      )}</table>`
    : html`<p class="note" data-testid="audiences-hidden">${AUDIENCES_HIDDEN_TEXT}</p>`;
  const others = view.otherProjects.length
    ? html`<h2>Other projects</h2><ul>${view.otherProjects.map(
        (project) =>
          html`<li><a href="/dashboard?project=${encodeURIComponent(project.uid)}">${project.name}</a></li>`,
      )}</ul>`
    : "";
  return page(
    view.account.name,
    html`<h1 data-testid="account-name">${view.account.name}</h1>
<p>Signed in as <span data-testid="person">${view.personName}</span> (${view.personEmail})</p>
<h2>Your roles</h2><ul data-testid="roles">${view.roleNames.map((name) => html`<li>${name}</li>`)}</ul>
<h2>Audiences</h2>${audiences}${others}${backLink(view.contentstackUrl)}`,
  );
}

export function refusalFormPage(options: {
  title: string;
  action: string;
  refusal?: string;
  contentstackUrl: string;
}): string {
  return page(
    options.title,
    html`<h1>${options.title}</h1>
${options.refusal ? html`<p class="error" data-testid="refusal">${options.refusal}</p>` : ""}
<form method="post" action="${options.action}">
<label>Email <input type="email" name="email" required></label>
${options.action === "/login" ? html`<label>Password <input type="password" name="password"></label>` : ""}
<button type="submit">${options.action === "/login" ? "Sign in" : "Send reset link"}</button>
</form>${backLink(options.contentstackUrl)}`,
  );
}
