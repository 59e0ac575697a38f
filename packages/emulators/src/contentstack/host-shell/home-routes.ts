// `GET /`: the shell's home, and the target of the hash-form authorize URL the Management SDK and
// the CLI build (`/?response_type=code&...#!/apps/{uid}/authorize`). The server never sees the
// fragment, so a tiny script turns it into the path form before anything else happens.
import type { FastifyInstance } from "fastify";

import type { EmulatorContext } from "../context";
import { organizationsOf } from "../state/world";
import { html, SafeHtml } from "../../shared/html";
import { orgRoleLabel } from "./org-role";
import { pageLayout } from "./page-layout";
import { signedInPerson } from "./session-cookie";
import { topBar } from "./top-bar";

// Only `#!/apps/<uid>/authorize` is followed, and only to a path on this origin.
const HASH_ROUTER = new SafeHtml(`<script>
(function () {
  var match = /^#!(\\/apps\\/[A-Za-z0-9_.-]+\\/authorize)(?:\\?(.*))?$/.exec(window.location.hash);
  if (!match) return;
  var params = new URLSearchParams(window.location.search);
  new URLSearchParams(match[2] || "").forEach(function (value, key) { params.set(key, value); });
  window.location.replace(match[1] + "?" + params.toString());
})();
</script>`);

export function registerHomeRoutes(app: FastifyInstance, ctx: EmulatorContext): void {
  app.get("/", async (request, reply) => {
    const person = signedInPerson(ctx, request);
    const body = person
      ? html`${topBar(ctx, person, null)}<main><div class="card"><h1>Your organizations</h1>
${
  organizationsOf(ctx.world, person.uid).length === 0
    ? html`<p data-testid="no-organizations">${person.first_name} ${person.last_name} is not a member of any organization yet. An organization Owner or Admin can invite ${person.email}.</p>`
    : html`<table><thead><tr><th>Organization</th><th>Your role</th><th></th></tr></thead><tbody>
${organizationsOf(ctx.world, person.uid).map(
  (org) =>
    html`<tr><td><a href="/organizations/${org.uid}" data-org-uid="${org.uid}">${org.name}</a></td><td><span class="role-badge ${orgRoleLabel(org, person.uid) ?? ""}">${orgRoleLabel(org, person.uid) ?? ""}</span></td><td><a href="/organizations/${org.uid}/info">Settings</a></td></tr>`,
)}
</tbody></table>`
}</div></main>`
      : html`<main><div class="card"><h1>Contentstack (emulator)</h1><p>Sign in to open your organizations and the apps installed in them.</p><div class="actions"><a class="button" href="/login">Sign in</a></div></div></main>`;
    return reply.type("text/html; charset=utf-8").send(pageLayout("Home", body, HASH_ROUTER));
  });
}
