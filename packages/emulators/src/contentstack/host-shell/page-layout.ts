// The document around every host-shell page, styled after Contentstack's interface (Venus): system
// font stack led by Inter, purple accents, a white top bar, a light grey settings nav and white
// cards. Everything is inline: the emulator runs with no internet, so no web font or CDN.
import { html, SafeHtml } from "../../shared/html";

const STYLE = `
:root{--purple:#6c5ce7;--purple-dark:#5d50be;--purple-soft:#f0eefe;--ink:#222222;--muted:#6e6b86;
--line:#dde3ee;--nav:#f7f9fc;--page:#f7f9fc;--danger:#d62400;--danger-soft:#fff1ee;--ok:#007a52;
--font:Inter,-apple-system,BlinkMacSystemFont,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif}
*{box-sizing:border-box}
body{font-family:var(--font);font-size:14px;line-height:1.5;margin:0;color:var(--ink);background:var(--page)}
a{color:var(--purple);text-decoration:none}
a:hover{text-decoration:underline}
h1{font-size:1.5rem;font-weight:600;margin:0 0 .75rem}
h2{font-size:1.1rem;font-weight:600;margin:1.25rem 0 .5rem}
code{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:.9em;background:var(--nav);border:1px solid var(--line);border-radius:4px;padding:0 .3em}
button,.button{font:inherit;font-weight:600;cursor:pointer;padding:.45rem 1rem;border-radius:4px;border:1px solid var(--purple);background:var(--purple);color:#fff;display:inline-block}
button:hover,.button:hover{background:var(--purple-dark);text-decoration:none}
button.secondary,.button.secondary{background:#fff;color:var(--purple)}
button.link{background:none;border:none;color:var(--muted);padding:.3rem .5rem;font-weight:500}
input:not([type=checkbox]){font:inherit;padding:.4rem .6rem;border:1px solid var(--line);border-radius:4px;min-width:18rem}
input:focus,button:focus-visible,a:focus-visible,summary:focus-visible{outline:2px solid var(--purple);outline-offset:2px}
header.top-bar{display:flex;gap:.75rem;align-items:center;height:56px;padding:0 1rem;background:#fff;border-bottom:1px solid var(--line);position:sticky;top:0;z-index:5}
.brand{display:flex;align-items:center;gap:.5rem;color:var(--ink);font-weight:700;font-size:1.05rem;letter-spacing:-.01em}
.brand:hover{text-decoration:none}
.brand-mark{width:28px;height:28px;border-radius:6px;background:var(--purple);color:#fff;display:grid;place-items:center;font-size:.9rem}
.brand small{font-weight:500;color:var(--muted);font-size:.75rem}
.divider{width:1px;height:28px;background:var(--line)}
header.top-bar details{position:relative}
header.top-bar summary{list-style:none;cursor:pointer;display:flex;align-items:center;gap:.45rem;padding:.35rem .6rem;border-radius:4px;font-weight:500;white-space:nowrap}
header.top-bar summary::-webkit-details-marker{display:none}
header.top-bar summary:hover,header.top-bar details[open] summary{background:var(--purple-soft);color:var(--purple)}
header.top-bar summary .caret{font-size:.7rem;color:var(--muted)}
.dropdown{position:absolute;top:calc(100% + 6px);left:0;background:#fff;border:1px solid var(--line);border-radius:6px;box-shadow:0 8px 24px rgba(34,34,34,.12);padding:.5rem;margin:0;min-width:16rem;z-index:10;list-style:none}
.dropdown.right{left:auto;right:0}
.dropdown .heading{font-size:.7rem;font-weight:600;text-transform:uppercase;letter-spacing:.06em;color:var(--muted);padding:.35rem .6rem}
.dropdown a{display:flex;align-items:center;gap:.6rem;padding:.45rem .6rem;border-radius:4px;color:var(--ink)}
.dropdown a:hover{background:var(--purple-soft);color:var(--purple);text-decoration:none}
.dropdown a[aria-current=true]{font-weight:600;color:var(--purple)}
.app-icon{width:26px;height:26px;border-radius:6px;display:grid;place-items:center;color:#fff;font-size:.75rem;font-weight:700;flex:none}
.app-icon.dni{background:#0b7fa5}.app-icon.ours{background:var(--purple)}.app-icon.admin{background:#475161}
.grid-icon{display:grid;grid-template-columns:repeat(3,4px);gap:2px}
.grid-icon i{width:4px;height:4px;background:currentColor;border-radius:1px;display:block}
.spacer{flex:1}
.person{display:flex;align-items:center;gap:.6rem}
.avatar{width:32px;height:32px;border-radius:50%;background:var(--purple-soft);color:var(--purple);display:grid;place-items:center;font-weight:700;font-size:.8rem}
.person-text{display:flex;flex-direction:column;line-height:1.2}
.person-text small{color:var(--muted)}
.role-badge{display:inline-block;font-size:.7rem;font-weight:600;padding:.05rem .45rem;border-radius:10px;background:var(--purple-soft);color:var(--purple);margin-left:.3rem;vertical-align:1px}
.role-badge.Guest{background:#fff4e0;color:#8a5300}
.org-layout{display:flex;min-height:calc(100vh - 56px)}
nav.settings{width:248px;flex:none;background:var(--nav);border-right:1px solid var(--line);padding:1rem .75rem}
nav.settings .heading{font-size:.7rem;font-weight:600;text-transform:uppercase;letter-spacing:.06em;color:var(--muted);padding:.25rem .75rem;margin-top:.75rem}
nav.settings .org-title{font-weight:600;padding:.25rem .75rem .5rem;border-bottom:1px solid var(--line);margin-bottom:.25rem}
nav.settings a{display:block;padding:.45rem .75rem;border-radius:4px;color:var(--ink);border-left:3px solid transparent}
nav.settings a:hover{background:#eceff6;text-decoration:none}
nav.settings a[aria-current=page]{background:var(--purple-soft);color:var(--purple);font-weight:600;border-left-color:var(--purple)}
main.content{flex:1;min-width:0;padding:1.5rem 2rem}
main.content.app{padding:0;display:flex;flex-direction:column}
.breadcrumb{color:var(--muted);font-size:.8rem;margin-bottom:.25rem}
.app-header{display:flex;align-items:center;gap:.6rem;padding:.75rem 1.25rem;border-bottom:1px solid var(--line);background:#fff}
.app-header h1{font-size:1.1rem;margin:0}
#app-frame-slot{flex:1;display:flex;position:relative}
iframe.app-frame{flex:1;width:100%;min-height:calc(100vh - 56px - 54px);border:0;background:#fff}
iframe.app-frame[hidden]{display:none}
.card{background:#fff;border:1px solid var(--line);border-radius:8px;padding:1.25rem 1.5rem;max-width:52rem;box-shadow:0 1px 2px rgba(34,34,34,.04)}
.card + .card{margin-top:1rem}
body > main{max-width:40rem;margin:3rem auto;padding:0 1rem}
body > main .card{max-width:none}
.problem{margin:2rem auto;max-width:40rem}
.problem h1{display:flex;gap:.6rem;align-items:center}
.problem .status{font-size:.75rem;font-weight:700;color:var(--muted);letter-spacing:.06em;text-transform:uppercase}
.problem-banner{margin:0;border-radius:0;border-width:0 0 1px;max-width:none;background:var(--danger-soft)}
.actions{display:flex;gap:.75rem;align-items:center;margin-top:1rem;flex-wrap:wrap}
.error{color:var(--danger)}
.note{background:var(--nav);border:1px solid var(--line);border-radius:6px;padding:.75rem 1rem}
table{border-collapse:collapse;width:100%}
th,td{text-align:left;padding:.55rem .75rem;border-bottom:1px solid var(--line);vertical-align:top}
th{font-size:.75rem;text-transform:uppercase;letter-spacing:.05em;color:var(--muted);font-weight:600;background:var(--nav)}
dl.facts{display:grid;grid-template-columns:12rem 1fr;gap:.5rem 1rem;margin:0}
dl.facts dt{color:var(--muted)}
dl.facts dd{margin:0}
ul.people{list-style:none;padding:0;margin:0}
ul.people li{padding:.6rem 0;border-bottom:1px solid var(--line)}
ul.people li:last-child{border-bottom:0}
ul.people form{display:flex;align-items:center;gap:.75rem;flex-wrap:wrap}
ul.people small{color:var(--muted);flex:1;min-width:12rem}
ul.people button{min-width:13rem;text-align:left;background:#fff;color:var(--purple)}
ul.people button:hover{background:var(--purple-soft)}
ul.plain{padding-left:1.1rem}
.sign-out{margin:0}
`;

// One dropdown open at a time, closed by a click elsewhere or Escape, as in Contentstack's menus.
const MENU_SCRIPT = `
document.addEventListener("click", function (event) {
  document.querySelectorAll("header.top-bar details[open]").forEach(function (menu) {
    if (!menu.contains(event.target)) menu.removeAttribute("open");
  });
});
document.addEventListener("keydown", function (event) {
  if (event.key !== "Escape") return;
  document.querySelectorAll("header.top-bar details[open]").forEach(function (menu) {
    menu.removeAttribute("open");
  });
});
`;

/** The document around every host-shell page. */
export function pageLayout(title: string, body: SafeHtml, head: SafeHtml = html``): string {
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title} | Contentstack (emulator)</title>
<style>${new SafeHtml(STYLE)}</style>
${head}
</head>
<body>
${body}
<script>${new SafeHtml(MENU_SCRIPT)}</script>
</body>
</html>`.value;
}
