import { describe, expect, expectTypeOf, it } from "vitest";
import {
  LYTICS_ROLES,
  resolveRole,
  resolveRoles,
  roleName,
  type LyticsRoleName,
  type LyticsRoleSlug,
} from "../src/catalogue/roles";
import { UnknownRoleError } from "../src/errors/unknown-role-error";
import { COLUMNS, NAME_OF, SLUG_OF } from "./fixtures/seed-001";

describe("role catalogue", () => {
  it("has the eleven roles of seed 001 in column order", () => {
    expect(LYTICS_ROLES.map((role) => role.name)).toEqual(COLUMNS.map((column) => NAME_OF[column]));
  });

  it.each(COLUMNS)("%s has the slug of DESIGN §3.2", (column) => {
    const role = LYTICS_ROLES.find((entry) => entry.abbreviation === column);
    expect(role?.slug).toBe(SLUG_OF[column]);
    expect(role?.name).toBe(NAME_OF[column]);
  });

  it("marks Goal Manager's slug as not publicly documented, and only that one", () => {
    expect(
      LYTICS_ROLES.filter((role) => role.slugSource !== "documented").map((role) => role.name),
    ).toEqual(["Goal Manager"]);
  });

  it("resolves display names and slugs, case-insensitively", () => {
    expect(resolveRole("Audience Manager")).toBe("segment_manager");
    expect(resolveRole("segment_manager")).toBe("segment_manager");
    expect(resolveRole("  discovery insights ")).toBe("report_viewer");
    expect(resolveRoles(["observer", "Admin", "admin"])).toEqual(["admin", "observer"]);
    expect(roleName("report_viewer")).toBe("Discovery Insights");
  });

  it("rejects an unknown role with a stable code", () => {
    expect(() => resolveRole("segmnt_manager")).toThrow(UnknownRoleError);
    try {
      resolveRole("Owner");
    } catch (error) {
      expect((error as UnknownRoleError).code).toBe("UNKNOWN_ROLE");
      expect((error as UnknownRoleError).role).toBe("Owner");
    }
  });

  it("exposes names and slugs as literal unions", () => {
    expectTypeOf<LyticsRoleSlug>().toEqualTypeOf<
      | "admin"
      | "segment_manager"
      | "campaign_manager"
      | "content_manager"
      | "data_manager"
      | "report_viewer"
      | "experience_manager"
      | "goal_manager"
      | "marketer"
      | "observer"
      | "user_search"
    >();
    expectTypeOf<"Admin">().toExtend<LyticsRoleName>();
  });
});
