// The emulated sign-in: no passwords (DESIGN §5). The page lists the fixture's people and signs
// in as the one picked, setting the session cookie whose value is also a CMA authtoken.
import type { FastifyInstance } from "fastify";
import { z } from "zod";

import type { EmulatorContext } from "../context";
import { organizationsOf } from "../state/world";
import { html } from "../../shared/html";
import { orgRoleLabel } from "./org-role";
import { pageLayout } from "./page-layout";
import { refuseFraming } from "./refuse-framing";
import { clearSessionCookie, safeReturnTo, sessionToken, setSessionCookie } from "./session-cookie";

const signInFormSchema = z.object({
  user_uid: z.string().min(1),
  return_to: z.string().optional(),
});

export function registerSignInRoutes(app: FastifyInstance, ctx: EmulatorContext): void {
  app.get("/login", async (request, reply) => {
    const returnTo = safeReturnTo(
      (request.query as Record<string, unknown>).return_to,
      ctx.publicUrl,
    );
    const people = [...ctx.world.people.values()];
    const body = html`<main><p class="brand"><span class="brand-mark" aria-hidden="true">cs</span>contentstack <small>emulator</small></p><div class="card">
<h1>Sign in to Contentstack</h1>
<p>Emulator sign-in: pick who you are. There are no passwords.</p>
<ul class="people">
${people.map(
  (person) => html`<li><form method="post" action="/login">
<input type="hidden" name="user_uid" value="${person.uid}">
<input type="hidden" name="return_to" value="${returnTo}">
<button type="submit" data-user-uid="${person.uid}">Sign in as ${person.first_name} ${person.last_name}</button>
<small>${person.email} · ${
    organizationsOf(ctx.world, person.uid)
      .map((org) => `${org.name} (${orgRoleLabel(org, person.uid) ?? ""})`)
      .join(", ") || "no organization"
  }</small>
</form></li>`,
)}
</ul></div></main>`;
    return refuseFraming(reply).type("text/html; charset=utf-8").send(pageLayout("Sign in", body));
  });

  app.post("/login", async (request, reply) => {
    const parsed = signInFormSchema.safeParse(request.body);
    const person = parsed.success ? ctx.world.people.get(parsed.data.user_uid) : undefined;
    if (!parsed.success || !person) {
      const body = html`<main><div class="card"><h1 class="error">Sign-in failed</h1><p>Pick a person from the list.</p><a href="/login">Back</a></div></main>`;
      return reply
        .code(400)
        .type("text/html; charset=utf-8")
        .send(pageLayout("Sign-in failed", body));
    }
    ctx.sessions.end(sessionToken(request));
    setSessionCookie(reply, ctx.sessions.create(person.uid));
    return reply.redirect(safeReturnTo(parsed.data.return_to, ctx.publicUrl), 303);
  });

  app.post("/logout", async (request, reply) => {
    ctx.sessions.end(sessionToken(request));
    clearSessionCookie(reply);
    return reply.redirect("/login", 303);
  });
}
