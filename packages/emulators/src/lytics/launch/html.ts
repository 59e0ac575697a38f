// Server-rendered HTML with every interpolated value escaped. `html` returns SafeHtml; only other
// SafeHtml values are inserted unescaped, so user input can never become markup.
export class SafeHtml {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

const ESCAPES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

export function escapeHtml(value: unknown): string {
  return String(value).replace(/[&<>"']/g, (char) => ESCAPES[char] ?? char);
}

type Interpolation =
  SafeHtml | string | number | boolean | null | undefined | readonly Interpolation[];

function render(value: Interpolation): string {
  if (value === null || value === undefined || value === false) return "";
  if (value instanceof SafeHtml) return value.value;
  if (Array.isArray(value)) return value.map((item: Interpolation) => render(item)).join("");
  return escapeHtml(value);
}

export function html(strings: TemplateStringsArray, ...values: Interpolation[]): SafeHtml {
  let out = strings[0] ?? "";
  values.forEach((value, index) => {
    out += render(value) + (strings[index + 1] ?? "");
  });
  return new SafeHtml(out);
}

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
