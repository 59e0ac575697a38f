import { describe, expect, it } from "vitest";

import { createKeys } from "../src/keys";
import { InvalidInputError } from "../src/errors/invalid-input-error";

// The slot Redis Cluster hashes: the text between the first `{` and the next `}`.
function hashTag(key: string): string {
  const open = key.indexOf("{");
  return key.slice(open + 1, key.indexOf("}", open));
}

describe("keys", () => {
  const keys = createKeys();

  it("puts every per-organization key of one org in one hash slot", () => {
    const orgKeys = [
      keys.installation("blt1"),
      keys.tokens("blt1"),
      keys.grants("blt1"),
      keys.grantsByProject("blt1", "p1"),
      keys.audit("blt1"),
      keys.runLock("blt1"),
      keys.step("blt1", "plan", "step"),
      keys.rateLimit("blt1", "lytics-management"),
      keys.policyHistory("blt1"),
    ];
    expect(new Set(orgKeys.map(hashTag))).toEqual(new Set(["org:blt1"]));
    expect(keys.rateLimit("blt1", "lytics-management")).toBe("la:{org:blt1}:rl:lytics-management");
    expect(hashTag(keys.installationIndex())).toBe("global");
  });

  it("refuses org uids and parts that would move the hash tag or collide", () => {
    expect(() => keys.audit("a}b")).toThrow(InvalidInputError);
    expect(() => keys.audit("a:b")).toThrow(InvalidInputError);
    expect(() => keys.audit("")).toThrow(InvalidInputError);
    expect(() => keys.step("o", "plan:x", "s")).toThrow(InvalidInputError);
    expect(() => createKeys("bad prefix")).toThrow(InvalidInputError);
  });

  it("uses the configured prefix", () => {
    expect(createKeys("t1").audit("o")).toBe("t1:{org:o}:audit");
  });
});
