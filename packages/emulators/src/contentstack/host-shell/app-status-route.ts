// `GET /host-shell/app-status`: can the emulator reach the mounted app at its registered URL?
// The host page asks when the app's frame has loaded, so a person sees "not running, start it"
// instead of a browser error page in the frame. The URL probed is the registered one only (never
// one from the request), so this cannot be pointed elsewhere.
import type { FastifyInstance } from "fastify";
import { z } from "zod";

import type { EmulatorContext } from "../context";
import { activeMembership } from "../state/world";
import { signedInPerson } from "./session-cookie";

const querySchema = z.object({ organization_uid: z.string().min(1), app_uid: z.string().min(1) });

/** Long enough for a dev server's first answer, short enough for the page to say something soon. */
const PROBE_TIMEOUT_MS = 5_000;

export type AppStatus =
  | { reachable: true; url: string; status: number }
  | { reachable: false; url: string; reason: string };

export async function probeApp(url: string, timeoutMs = PROBE_TIMEOUT_MS): Promise<AppStatus> {
  try {
    const response = await fetch(url, {
      method: "HEAD",
      redirect: "manual",
      signal: AbortSignal.timeout(timeoutMs),
    });
    await response.body?.cancel();
    return { reachable: true, url, status: response.status };
  } catch (error) {
    const cause = (error as { cause?: { code?: unknown } }).cause;
    const code = typeof cause?.code === "string" ? cause.code : undefined;
    const reason =
      (error as Error).name === "TimeoutError"
        ? `no answer within ${timeoutMs / 1000} s`
        : code === "ECONNREFUSED"
          ? "connection refused: nothing listens on that port"
          : (code ?? (error as Error).message);
    return { reachable: false, url, reason };
  }
}

export function registerAppStatusRoute(app: FastifyInstance, ctx: EmulatorContext): void {
  app.get("/host-shell/app-status", async (request, reply) => {
    const person = signedInPerson(ctx, request);
    if (!person) return reply.code(401).send({ error: "not signed in" });
    const query = querySchema.safeParse(request.query);
    if (!query.success) return reply.code(400).send({ error: query.error.message });
    const org = ctx.world.organizations.get(query.data.organization_uid);
    const registered = ctx.world.apps.get(query.data.app_uid);
    if (!org || !activeMembership(org, person.uid) || !registered?.global_full_page_url)
      return reply.code(404).send({ error: "no such app in your organization" });
    return reply
      .header("cache-control", "no-store")
      .send(await probeApp(registered.global_full_page_url));
  });
}
