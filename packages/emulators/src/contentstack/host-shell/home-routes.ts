// `GET /`: the shell's home, and the target of the hash-form authorize URL the Management SDK and
// the CLI build (`/?response_type=code&...#!/apps/{uid}/authorize`). The server never sees the
// fragment, so a tiny script turns it into the path form before anything else happens.
import type { FastifyInstance } from "fastify";

import type { EmulatorContext } from "../context";
import { organizationsOf } from "../state/world";
import { html, SafeHtml } from "../../shared/html";
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
      ? html`${topBar(ctx, person, null)}<main><div class="card"><h1>Your organizations</h1><ul>
${organizationsOf(ctx.world, person.uid).map((org) => html`<li><a href="/organizations/${org.uid}">${org.name}</a></li>`)}
</ul></div></main>`
      : html`<main><div class="card"><h1>Contentstack (emulator)</h1><p><a href="/login">Sign in</a></p></div></main>`;
    return reply.type("text/html; charset=utf-8").send(pageLayout("Home", body, HASH_ROUTER));
  });
}
