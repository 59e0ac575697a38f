import { describe, expect, it, vi } from "vitest";

import { NotFoundError } from "../src/errors/not-found-error";
import { StaleWriteError } from "../src/errors/stale-write-error";
import { StoreError } from "../src/errors/store-error";

describe("instanceof across copies of the package (Next bundles one per server layer)", () => {
  it("a StaleWriteError made by another copy is a StaleWriteError and a StoreError here, and nothing else", async () => {
    vi.resetModules();
    const copy = await import("../src/errors/stale-write-error");
    expect(copy.StaleWriteError).not.toBe(StaleWriteError);
    const foreign = new copy.StaleWriteError("grant g1", 2, 3);
    expect(foreign instanceof StaleWriteError).toBe(true);
    expect(foreign instanceof StoreError).toBe(true);
    expect(foreign instanceof NotFoundError).toBe(false);
    const lookalike = Object.assign(new Error("stale"), { code: "STORE_STALE_WRITE" });
    expect(lookalike instanceof StaleWriteError).toBe(false);
  });
});
