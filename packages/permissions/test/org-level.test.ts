import { describe, expect, it } from "vitest";
import { DEFAULT_MAPPING_POLICY } from "../src/policy/default-policy";
import { parseMappingPolicy } from "../src/policy/mapping-policy";
import { accessLevelFor } from "../src/policy/org-level";
import { SEED_000_ROWS } from "./fixtures/seed-000-002";

describe("access level per organization role (seed 000)", () => {
  it.each(SEED_000_ROWS)("$orgRole -> $label", (row) => {
    const answer = accessLevelFor({
      orgRole: row.orgRole,
      grantedLevel: "grantedLevel" in row ? row.grantedLevel : null,
    });
    expect(answer).toMatchObject({
      level: row.level,
      levelLabel: row.label,
      roles: row.roles,
      layer: "org-role",
    });
    expect(answer.allowed).toBe(row.roles.length > 0);
  });

  it("gives a Member nothing by default and lists what may be granted", () => {
    const answer = accessLevelFor({ orgRole: "member" });
    expect(answer).toMatchObject({
      allowed: false,
      rule: "level.member-default",
      level: null,
      roles: [],
      memberGrantableLevels: ["audience-manager", "data-manager"],
    });
  });

  it("does not enforce a Member grant the policy does not allow", () => {
    const answer = accessLevelFor({ orgRole: "member", grantedLevel: "editor" });
    expect(answer).toMatchObject({ allowed: false, rule: "level.member-default", level: null });
    expect(answer.reasons[0]).toMatch(/not enforced/);
  });

  it("follows an edited policy", () => {
    const policy = parseMappingPolicy({
      ...JSON.parse(JSON.stringify(DEFAULT_MAPPING_POLICY)),
      version: 3,
      memberGrantableLevels: ["editor"],
    });
    expect(accessLevelFor({ orgRole: "member", grantedLevel: "editor" }, policy)).toMatchObject({
      allowed: true,
      rule: "level.member-grant",
      level: "editor",
      policyVersion: 3,
    });
  });

  it("gives people outside the organization nothing", () => {
    expect(accessLevelFor({ orgRole: "none" })).toMatchObject({
      allowed: false,
      rule: "level.not-in-org",
      roles: [],
    });
  });

  it.each([
    ["owner", "level.org-owner"],
    ["admin", "level.org-admin"],
    ["guest", "level.guest-restricted"],
  ] as const)("%s is decided by %s", (orgRole, rule) => {
    expect(accessLevelFor({ orgRole }).rule).toBe(rule);
  });
});
