import { describe, expect, it } from "vitest";

import { page } from "../../src/lytics/launch/page";
import { escapeHtml, html } from "../../src/shared/html";

describe("html", () => {
  it("escapes every interpolated value, nested lists included", () => {
    const evil = `<script>alert("x")</script>&'`;
    expect(html`<p title="${evil}">${evil}</p>`.value).toBe(
      '<p title="&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&amp;&#39;">&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&amp;&#39;</p>',
    );
    expect(html`<ul>${["<a>", "<b>"].map((item) => html`<li>${item}</li>`)}</ul>`.value).toBe(
      "<ul><li>&lt;a&gt;</li><li>&lt;b&gt;</li></ul>",
    );
  });

  it("inserts only SafeHtml unescaped and drops null, undefined and false", () => {
    const inner = html`<b>${"1 < 2"}</b>`;
    expect(html`${inner}${null}${undefined}${false}${0}`.value).toBe("<b>1 &lt; 2</b>0");
    expect(escapeHtml(42)).toBe("42");
  });

  it("escapes the Lytics page title", () => {
    expect(page("<t>", html`x`)).toContain("<title>&lt;t&gt; · Lytics (emulator)</title>");
  });
});
