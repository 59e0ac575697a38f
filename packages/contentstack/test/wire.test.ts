// Wire validation on its own: shapes the emulator cannot be made to send (a 2xx with a wrong body).
import { describe, expect, it } from "vitest";
import { InvalidResponseError } from "../src/index";
import { toOAuthTokens } from "../src/oauth/to-oauth-tokens";
import { parseWire } from "../src/wire/parse-wire";
import { wireSharePageSchema } from "../src/wire/wire-share";
import { wireTokenResponseSchema } from "../src/wire/wire-oauth";

describe("wire validation", () => {
  it("refuses a share page with a missing email or count, naming the field", () => {
    const attempt = () =>
      parseWire(
        wireSharePageSchema,
        { shares: [{ uid: "blt_share_x", org_roles: [] }], count: 1 },
        "GET share",
      );
    expect(attempt).toThrow(InvalidResponseError);
    expect(attempt).toThrow(/shares\.0\.email/);
    expect(() => parseWire(wireSharePageSchema, { shares: [] }, "GET share")).toThrow(/count/);
  });

  it("reshapes token responses, taking the region from location", () => {
    const wire = parseWire(
      wireTokenResponseSchema,
      {
        access_token: "a",
        refresh_token: "r",
        token_type: "Bearer",
        expires_in: 3600,
        location: "AZURE_EU",
        scope: "user:read organization:read",
      },
      "POST token",
    );
    expect(toOAuthTokens(wire, "NA", 1_000)).toMatchObject({
      region: "AZURE_EU",
      expiresAt: 3_601_000,
      scopes: ["user:read", "organization:read"],
    });
  });
});
