import type { FastifyInstance, FastifyReply } from "fastify";

/**
 * Pages where one click grants something (consent, sign-in) must not render inside another site's
 * frame, or a page on top can trick that click (clickjacking). `frame-ancestors` is the standard;
 * `X-Frame-Options` covers browsers that predate it.
 */
export function refuseFraming(reply: FastifyReply): FastifyReply {
  return reply
    .header("x-frame-options", "DENY")
    .header("content-security-policy", "frame-ancestors 'none'");
}

/**
 * Every HTML page the emulator serves refuses framing, not only the ones a route remembered to
 * mark: the sign-in failure, the SDK's entry page, the shell and the error pages are steps of the
 * same flow, and a page added later is covered without anyone thinking of it. The shell frames the
 * app, never the other way round, so no page here is meant to be framed.
 */
export function refuseFramingOfEveryPage(app: FastifyInstance): void {
  app.addHook("onSend", async (_request, reply, payload) => {
    const type = reply.getHeader("content-type");
    if (typeof type === "string" && type.toLowerCase().startsWith("text/html"))
      refuseFraming(reply);
    return payload;
  });
}
