// Wire validation on its own: shapes the emulator cannot be made to send (a 2xx with a wrong body).
import { describe, expect, it } from "vitest";
import { InvalidResponseError } from "../src/index";
import { errorFromResponse, parseRetryAfter } from "../src/errors/error-from-response";
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

  it("maps statuses to typed errors keeping status, API code and request id", () => {
    const error = errorFromResponse({
      status: 429,
      body: { error_message: "Too many requests", error_code: 141 },
      requestId: "req-1",
      retryAfterHeader: "2",
      operation: "GET /v3/organizations/{uid}",
    });
    expect(error).toMatchObject({
      code: "RATE_LIMITED",
      status: 429,
      apiErrorCode: 141,
      requestId: "req-1",
      retryAfterMs: 2000,
    });
    expect(
      errorFromResponse({ status: 502, body: "<html>bad gateway</html>", operation: "GET x" }),
    ).toMatchObject({
      code: "CONTENTSTACK_API_ERROR",
      status: 502,
      transient: true,
    });
    expect(
      errorFromResponse({
        status: 400,
        body: { error_message: "bad", errors: { emails: ["is invalid"] } },
        operation: "POST x",
      }),
    ).toMatchObject({
      transient: false,
      fieldErrors: { emails: ["is invalid"] },
    });
  });

  it("reads Retry-After as seconds or an HTTP date", () => {
    expect(parseRetryAfter("1.5")).toBe(1500);
    expect(parseRetryAfter(new Date(10_000).toUTCString(), 7_000)).toBe(3000);
    expect(parseRetryAfter("soon")).toBeUndefined();
    expect(parseRetryAfter(null)).toBeUndefined();
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
