import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { BASELINE_ROLE_SLUG, normalizeRoles, sameRoles } from "../src/index";

const slugs = ["admin", "observer", "marketer", "data_manager", BASELINE_ROLE_SLUG];
const roles = (maxLength: number) => fc.array(fc.constantFrom(...slugs), { maxLength });

describe("role sets", () => {
  it("normalizeRoles drops the baseline role and duplicates, and sorts", () => {
    expect(normalizeRoles(["observer", "authed2", "admin", "observer"])).toEqual([
      "admin",
      "observer",
    ]);
    expect(normalizeRoles(null)).toEqual([]);
    fc.assert(
      fc.property(roles(12), (list) => {
        expect(normalizeRoles(list)).toEqual(
          [...new Set(list.filter((slug) => slug !== BASELINE_ROLE_SLUG))].sort(),
        );
      }),
    );
  });

  it("sameRoles is equality of the normalised lists, short or long", () => {
    fc.assert(
      fc.property(roles(24), roles(24), (a, b) => {
        expect(sameRoles(a, b)).toBe(
          JSON.stringify(normalizeRoles(a)) === JSON.stringify(normalizeRoles(b)),
        );
      }),
      { numRuns: 500 },
    );
  });
});
