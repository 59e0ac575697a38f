import { describe, expect, it } from "vitest";

import { UnknownRoleSlugError } from "../errors/unknown-role-slug-error";
import { checkRoleSlugs, knownSlugsFrom, stripBaselineRoles } from "./check-role-slugs";
import { createRoleSlugCache } from "./role-slug-cache";

describe("checkRoleSlugs", () => {
  const known = knownSlugsFrom(["admin", "observer", "marketer", "authed2"]);

  it("passes known slugs through, once each, in request order", () => {
    expect(checkRoleSlugs(["observer", "admin", "observer"], known)).toEqual(["observer", "admin"]);
  });

  it("names every unknown slug and where the list came from", () => {
    const error = (() => {
      try {
        checkRoleSlugs(["admin", "obsrever", "goal_manager"], known);
      } catch (caught) {
        return caught;
      }
    })();
    expect(error).toBeInstanceOf(UnknownRoleSlugError);
    expect(error).toMatchObject({
      code: "LYTICS_UNKNOWN_ROLE_SLUG",
      unknownSlugs: ["obsrever", "goal_manager"],
      source: "roles-available",
    });
  });

  it("never lets the server-added authed2 be sent, even when the account lists it", () => {
    expect(() => checkRoleSlugs(["authed2"], known)).toThrow(UnknownRoleSlugError);
  });

  it("falls back to the permissions catalogue when the account reports no roles", () => {
    for (const reported of [null, [], ["authed2"]]) {
      const fallback = knownSlugsFrom(reported);
      expect(fallback.source).toBe("catalogue");
      expect(fallback.slugs).toHaveLength(11);
      expect(fallback.slugs).toContain("segment_manager");
    }
    expect(checkRoleSlugs(["goal_manager"], knownSlugsFrom(null))).toEqual(["goal_manager"]);
  });

  it("strips authed2 and duplicates when reading", () => {
    expect(stripBaselineRoles(["authed2", "admin", "admin"])).toEqual(["admin"]);
    expect(stripBaselineRoles(null)).toEqual([]);
  });
});

describe("role slug cache", () => {
  it("shares one read between concurrent lookups and reads again after the TTL", async () => {
    let clock = 0;
    let reads = 0;
    const cache = createRoleSlugCache(1000, () => clock);
    const load = async () => {
      reads += 1;
      return knownSlugsFrom(["admin"]);
    };
    await Promise.all([cache.get("a", load), cache.get("a", load)]);
    expect(reads).toBe(1);
    clock = 999;
    await cache.get("a", load);
    expect(reads).toBe(1);
    clock = 1000;
    await cache.get("a", load);
    expect(reads).toBe(2);
  });

  it("does not remember a failed read", async () => {
    const cache = createRoleSlugCache(60_000);
    await expect(cache.get("a", () => Promise.reject(new Error("down")))).rejects.toThrow("down");
    await expect(cache.get("a", async () => knownSlugsFrom(["admin"]))).resolves.toMatchObject({
      slugs: ["admin"],
    });
  });
});
