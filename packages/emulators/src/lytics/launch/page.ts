import type { FastifyReply } from "fastify";

import { html, type SafeHtml } from "../../shared/html";

/** A whole page in the emulator's minimal Lytics look. */
export function page(title: string, body: SafeHtml): string {
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>${title} · Lytics (emulator)</title>
<style>
body{font-family:system-ui,sans-serif;margin:0;color:#1d1d2c;background:#f6f6fb}
header{background:#2c2a6b;color:#fff;padding:12px 24px;font-weight:600}
main{max-width:860px;margin:24px auto;background:#fff;padding:24px;border-radius:8px}
table{border-collapse:collapse}td,th{padding:4px 12px;border-bottom:1px solid #ddd;text-align:left}
.note{background:#fff6e0;border-left:4px solid #e0a000;padding:8px 12px}
.error{background:#fde8e8;border-left:4px solid #c0392b;padding:8px 12px}
</style>
</head>
<body>
<header>Data &amp; Insights (Lytics)</header>
<main>${body}</main>
</body>
</html>`.value;
}

/** Sends a page: HTML, never cached (it shows a person's session and roles). */
export function sendPage(reply: FastifyReply, status: number, body: string): FastifyReply {
  return reply
    .code(status)
    .type("text/html; charset=utf-8")
    .header("cache-control", "no-store")
    .send(body);
}
