import { describe, expect, it } from "vitest";
import { InvalidPolicyError } from "../src/errors/invalid-policy-error";
import { DEFAULT_MAPPING_POLICY } from "../src/policy/default-policy";
import {
  formatPath,
  parseMappingPolicy,
  safeParseMappingPolicy,
} from "../src/policy/mapping-policy";
import { SEED_000_ROWS } from "./fixtures/seed-000-002";

// A deliberately loose view of a policy, so a test can break any field.
interface Level {
  roles: unknown[];
}
interface EditablePolicy {
  [field: string]: unknown;
  levels: {
    [level: string]: unknown;
    admin: Level;
    editor: Level;
    "audience-manager": Level;
    restricted: Level;
  };
  memberGrantableLevels: unknown[];
}

function setup() {
  // A deep, mutable copy of the default policy to break field by field.
  const policy = () => JSON.parse(JSON.stringify(DEFAULT_MAPPING_POLICY)) as EditablePolicy;
  const issuesOf = (input: unknown, rolesAvailable?: string[]) => {
    const result = safeParseMappingPolicy(input, { rolesAvailable });
    if (result.success) throw new Error("expected the policy to be rejected");
    return result.error.issues.map((issue) => `${issue.path}: ${issue.message}`);
  };
  return { policy, issuesOf };
}

describe("default mapping policy (seed 000)", () => {
  it("is valid, version 1", () => {
    expect(parseMappingPolicy(DEFAULT_MAPPING_POLICY)).toEqual(DEFAULT_MAPPING_POLICY);
    expect(DEFAULT_MAPPING_POLICY.version).toBe(1);
  });

  it.each(SEED_000_ROWS)("$orgRole -> $label writes $roles", (row) => {
    expect(DEFAULT_MAPPING_POLICY.levels[row.level].roles).toEqual(row.roles);
  });

  it("lets a Member be granted Audience Manager or Data Manager (seed 000's two Member rows)", () => {
    expect(DEFAULT_MAPPING_POLICY.memberGrantableLevels).toEqual([
      "audience-manager",
      "data-manager",
    ]);
  });

  it("is frozen so no caller can edit the shared default", () => {
    expect(Object.isFrozen(DEFAULT_MAPPING_POLICY.levels.editor.roles)).toBe(true);
  });
});

describe("policy validation", () => {
  it("names the offending field for an unknown role", () => {
    const { policy } = setup();
    const input = policy();
    input.levels.editor.roles[2] = "segmnt_manager";
    expect(() => parseMappingPolicy(input)).toThrow(
      'levels.editor.roles[2]: unknown Lytics role "segmnt_manager" (not in the Lytics role catalogue)',
    );
    try {
      parseMappingPolicy(input);
    } catch (error) {
      expect(error).toBeInstanceOf(InvalidPolicyError);
      expect((error as InvalidPolicyError).code).toBe("INVALID_POLICY");
    }
  });

  it.each([
    ["a missing version", (p: EditablePolicy) => delete p.version, /^version: /],
    ["a version of 0", (p: EditablePolicy) => (p.version = 0), /^version: /],
    ["a fractional version", (p: EditablePolicy) => (p.version = 1.5), /^version: /],
    ["an unknown top-level field", (p: EditablePolicy) => (p.levls = {}), /^\(policy\): .*levls/],
    [
      "a missing level",
      (p: EditablePolicy) => delete p.levels["data-manager"],
      /^levels\.data-manager: /,
    ],
    [
      "an unknown level",
      (p: EditablePolicy) => (p.levels.superuser = { roles: [] }),
      /^levels: .*superuser/,
    ],
    [
      "roles that are not strings",
      (p: EditablePolicy) => (p.levels.editor.roles = [1]),
      /^levels\.editor\.roles\[0\]: /,
    ],
    [
      "a duplicate role",
      (p: EditablePolicy) => p.levels.editor.roles.push("goal_manager"),
      /^levels\.editor\.roles\[5\]: duplicate role "goal_manager"/,
    ],
    [
      "an empty bundle",
      (p: EditablePolicy) => (p.levels["audience-manager"].roles = []),
      /^levels\.audience-manager\.roles: must name at least one role/,
    ],
    [
      "roles for Guests",
      (p: EditablePolicy) => (p.levels.restricted.roles = ["observer"]),
      /^levels\.restricted\.roles: must be empty/,
    ],
    [
      "an Owner level without admin",
      (p: EditablePolicy) => (p.levels.admin.roles = ["data_manager"]),
      /^levels\.admin\.roles: must include "admin"/,
    ],
    [
      "an unknown member level",
      (p: EditablePolicy) => (p.memberGrantableLevels = ["admin"]),
      /^memberGrantableLevels\[0\]: /,
    ],
    [
      "a duplicate member level",
      (p: EditablePolicy) => (p.memberGrantableLevels = ["data-manager", "data-manager"]),
      /^memberGrantableLevels\[1\]: duplicate level/,
    ],
    ["a bad updatedAt", (p: EditablePolicy) => (p.updatedAt = "yesterday"), /^updatedAt: /],
  ])("rejects %s", (_name, mutate, expected) => {
    const { policy, issuesOf } = setup();
    const input = policy();
    mutate(input);
    expect(issuesOf(input).some((issue) => expected.test(issue))).toBe(true);
  });

  it("rejects something that is not an object", () => {
    const { issuesOf } = setup();
    expect(issuesOf(null)[0]).toMatch(/^\(policy\): /);
  });

  it("accepts an owner's edit: another bundle, another set of member levels, metadata", () => {
    const { policy } = setup();
    const input = policy();
    Object.assign(input, {
      version: 7,
      updatedAt: "2026-03-25T10:00:00Z",
      updatedBy: "blt123",
      note: "no GM",
    });
    input.levels.editor.roles = [
      "segment_manager",
      "content_manager",
      "report_viewer",
      "experience_manager",
    ];
    input.memberGrantableLevels = ["editor", "data-manager"];
    expect(parseMappingPolicy(input).levels.editor.roles).toHaveLength(4);
  });

  it("lets roles_available win over the catalogue, both ways", () => {
    const { policy, issuesOf } = setup();
    const available = [
      "admin",
      "segment_manager",
      "content_manager",
      "report_viewer",
      "experience_manager",
      "data_manager",
      "v2_auth_view",
    ];
    // goal_manager is in the catalogue but this account does not offer it.
    expect(issuesOf(policy(), available)).toEqual([
      `levels.editor.roles[4]: unknown Lytics role "goal_manager" (not in the account's roles_available)`,
    ]);
    // A granular role the account offers is accepted although the catalogue does not know it.
    const input = policy();
    input.levels.editor.roles = ["segment_manager", "v2_auth_view"];
    expect(parseMappingPolicy(input, { rolesAvailable: available }).levels.editor.roles).toContain(
      "v2_auth_view",
    );
  });

  it("formats zod paths the way the policy editor shows them", () => {
    expect(formatPath(["levels", "editor", "roles", 2])).toBe("levels.editor.roles[2]");
    expect(formatPath([])).toBe("(policy)");
  });
});
