import { html, SafeHtml } from "../../shared/html";

const STYLE = `
body{font-family:system-ui,sans-serif;margin:0;color:#222;background:#f6f7f9}
header.top-bar{display:flex;gap:1rem;align-items:center;padding:.5rem 1rem;background:#1c1d3b;color:#fff}
header.top-bar a{color:#fff}
header.top-bar details{position:relative}
header.top-bar details ul{position:absolute;background:#fff;list-style:none;padding:.5rem;margin:0;min-width:12rem;box-shadow:0 2px 8px #0004;z-index:2}
header.top-bar details ul a{color:#1c1d3b}
.spacer{flex:1}
main{padding:1rem 1.5rem}
nav.settings{display:flex;gap:1rem;margin-bottom:1rem}
.card{background:#fff;border:1px solid #ddd;border-radius:6px;padding:1rem 1.5rem;max-width:40rem}
iframe.app-frame{width:100%;height:80vh;border:1px solid #ccc;background:#fff}
button{cursor:pointer;padding:.4rem .9rem}
.error{color:#a00}
ul.people{list-style:none;padding:0}
ul.people li{margin:.3rem 0}
`;

/** The document around every host-shell page. */
export function pageLayout(title: string, body: SafeHtml, head: SafeHtml = html``): string {
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>${title} | Contentstack (emulator)</title>
<style>${new SafeHtml(STYLE)}</style>
${head}
</head>
<body>
${body}
</body>
</html>`.value;
}
