import type { FastifyReply } from "fastify";

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
