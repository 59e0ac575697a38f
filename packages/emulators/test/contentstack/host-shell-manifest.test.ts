// apps/web/manifest.json, the Developer Hub manifest for installing the app in a real
// organization, declares what the emulator's fixture app registers: the same user-token scopes,
// a redirect URI the fixture app accepts, and the organization-level full page, signed, at the
// URL the host shell mounts.
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

import { describe, expect, it } from "vitest";
import { z } from "zod";

import { loadFixture } from "../../src/fixtures/load-fixture";

const manifestPath = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  "../../../../apps/web/manifest.json",
);

// The shape of the official Apps CLI's AppManifest (contentstack-apps-cli src/types/app.ts).
const manifestSchema = z.object({
  name: z.string().min(1),
  description: z.string(),
  target_type: z.literal("organization"),
  visibility: z.enum(["private", "public", "public_unlisted"]),
  ui_location: z.object({
    signed: z.boolean(),
    base_url: z.string().url(),
    locations: z.array(
      z.object({
        type: z.string(),
        meta: z.array(
          z.object({
            name: z.string(),
            path: z.string(),
            signed: z.boolean(),
            enabled: z.boolean(),
          }),
        ),
      }),
    ),
  }),
  hosting: z.object({ provider: z.string(), deployment_url: z.string().url() }),
  oauth: z.object({
    redirect_uri: z.string().url(),
    user_token_config: z.object({
      enabled: z.literal(true),
      scopes: z.array(z.string()),
      allow_pkce: z.boolean(),
    }),
  }),
  webhook: z.object({
    enabled: z.boolean(),
    signed: z.boolean(),
    target_url: z.string().url(),
    channels: z.array(z.string()).min(1),
  }),
});

describe("apps/web/manifest.json", () => {
  const manifest = manifestSchema.parse(JSON.parse(readFileSync(manifestPath, "utf8")));
  const app = loadFixture().app;

  it("asks for the user-token scopes the fixture app registers, with PKCE", () => {
    expect([...manifest.oauth.user_token_config.scopes].sort()).toEqual([...app.scopes].sort());
    expect(manifest.oauth.user_token_config.allow_pkce).toBe(true);
  });

  it("redirects to a URI the fixture app registers", () => {
    expect(app.redirect_uris).toContain(manifest.oauth.redirect_uri);
  });

  it("declares the organization-level full page, signed, where the host shell mounts the app", () => {
    const fullPage = manifest.ui_location.locations.filter(
      (location) => location.type === "cs.cm.organization.full_page",
    );
    expect(fullPage).toHaveLength(1);
    expect(manifest.ui_location.signed).toBe(true);
    const meta = fullPage[0]?.meta ?? [];
    expect(meta).toHaveLength(1);
    expect(meta[0]).toMatchObject({ signed: true, enabled: true });
    expect(new URL(meta[0]?.path ?? "", manifest.ui_location.base_url).toString()).toBe(
      app.global_full_page_url,
    );
  });

  it("subscribes the installation webhook to install and uninstall, signed", () => {
    expect(manifest.webhook).toMatchObject({ enabled: true, signed: true });
    expect(manifest.webhook.channels).toEqual(
      expect.arrayContaining(["app.installed", "app.uninstalled"]),
    );
  });
});
