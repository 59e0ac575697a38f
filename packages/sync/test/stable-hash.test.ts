import { createHash } from "node:crypto";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { stableHash } from "../src/ids/stable-hash";

// The canonical JSON as one string, as ids were first computed: hashing it piece by piece must give
// the same bytes, so plan ids (and the approvals that name them) survive the change.
function canonicalString(value: unknown): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value) ?? "null";
  if (Array.isArray(value)) return `[${value.map(canonicalString).join(",")}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, entry]) => entry !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([key, entry]) => `${JSON.stringify(key)}:${canonicalString(entry)}`).join(",")}}`;
}

const reference = (prefix: string, content: unknown) =>
  `${prefix}_${createHash("sha256").update(canonicalString(content)).digest("hex").slice(0, 24)}`;

describe("stableHash", () => {
  it("hashes the canonical JSON, whatever the content (incl. unicode and undefined fields)", () => {
    fc.assert(
      fc.property(fc.anything({ withObjectString: true, withNullPrototype: true }), (content) => {
        expect(stableHash("x", content)).toBe(reference("x", content));
      }),
      { numRuns: 500 },
    );
  });

  it("is the same for content larger than one hashing chunk", () => {
    const steps = Array.from({ length: 5_000 }, (_, index) => ({
      stepId: `step_${index}`,
      why: [{ rule: "desired.collaborator", text: "Ünïcode \u{1F600} ".repeat(index % 7) }],
      skipped: undefined,
    }));
    expect(stableHash("plan", { steps })).toBe(reference("plan", { steps }));
  });

  it("does not depend on key order", () => {
    expect(stableHash("p", { a: 1, b: [2, { d: 3, c: 4 }] })).toBe(
      stableHash("p", { b: [2, { c: 4, d: 3 }], a: 1 }),
    );
  });
});
