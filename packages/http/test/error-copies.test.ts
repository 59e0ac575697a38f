import { describe, expect, it, vi } from "vitest";

import { ApiError } from "../src/errors/api-error";
import { AuthError } from "../src/errors/auth-error";
import { ForbiddenError } from "../src/errors/forbidden-error";

// Next bundles a server package once per layer, so an error can come from another copy of this
// package than the class it is checked against. A fresh module graph stands in for that copy.
async function anotherCopy() {
  vi.resetModules();
  const auth = await import("../src/errors/auth-error");
  const plain = await import("../src/errors/api-error");
  return { AuthError: auth.AuthError, ApiError: plain.ApiError };
}

describe("instanceof across copies of the package", () => {
  it("an AuthError made by another copy is an AuthError and an ApiError here, and nothing else", async () => {
    const copy = await anotherCopy();
    expect(copy.AuthError).not.toBe(AuthError);
    const foreign = new copy.AuthError("401", { status: 401 });
    expect(foreign instanceof AuthError).toBe(true);
    expect(foreign instanceof ApiError).toBe(true);
    expect(foreign instanceof ForbiddenError).toBe(false);
    const foreignPlain = new copy.ApiError("418", { status: 418 });
    expect(foreignPlain instanceof ApiError).toBe(true);
    expect(foreignPlain instanceof AuthError).toBe(false);
  });

  it("an object that only looks like one (a code, no brand) is not", () => {
    const lookalike = Object.assign(new Error("401"), { code: "UNAUTHORIZED", status: 401 });
    expect(lookalike instanceof AuthError).toBe(false);
    expect(lookalike instanceof ApiError).toBe(false);
    expect((null as unknown) instanceof ApiError).toBe(false);
  });
});
