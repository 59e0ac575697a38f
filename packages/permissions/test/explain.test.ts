import { describe, expect, it } from "vitest";
import { InvalidQueryError } from "../src/errors/invalid-query-error";
import { explain } from "../src/explain/explain";
import { parseExplainQuery } from "../src/explain/explain-query";

const errorOf = (input: unknown): string => {
  try {
    parseExplainQuery(input);
  } catch (error) {
    expect(error).toBeInstanceOf(InvalidQueryError);
    expect((error as InvalidQueryError).code).toBe("INVALID_QUERY");
    return (error as Error).message;
  }
  throw new Error("expected the query to be rejected");
};

describe("explain: one entry point for every query form", () => {
  it.each([
    [{ kind: "task", roles: ["Data Manager"], permission: "pii.view" }, "pii.roles", true],
    [
      { kind: "task", roles: ["observer"], permission: "api.segmentml.read" },
      "task.api-read-all-roles",
      true,
    ],
    [{ kind: "nav", roles: ["Goal Manager"], item: "goals" }, "nav.matrix", true],
    [
      {
        kind: "project",
        orgRole: "member",
        isProjectOwner: false,
        projectRoles: ["Observer"],
        action: "project.invite",
      },
      "project.precedence.denied",
      false,
    ],
    [
      { kind: "project", orgRole: "member", action: "project.create" },
      "project.create.org-member",
      true,
    ],
    [{ kind: "level", orgRole: "owner" }, "level.org-owner", true],
  ])("%j -> %s", (query, rule, allowed) => {
    expect(explain(parseExplainQuery(query))).toMatchObject({ rule, allowed });
  });

  it("answers the catalogue with provenance", () => {
    const snapshot = explain({ kind: "catalogue" });
    expect(snapshot.roles).toHaveLength(11);
    expect(snapshot.navigation).toHaveLength(18);
    expect(snapshot.tasks).toHaveLength(37);
    expect(snapshot.tasks[0]?.cells.data_manager).toEqual({ held: true, source: "documented" });
    expect(snapshot.projectActions).toHaveLength(11);
  });

  it("answers a level under a supplied policy, validated against roles_available", () => {
    const policy = {
      version: 2,
      levels: {
        admin: { roles: ["admin"] },
        editor: { roles: ["segment_manager"] },
        "audience-manager": { roles: ["segment_manager"] },
        "data-manager": { roles: ["data_manager"] },
        restricted: { roles: [] },
      },
      memberGrantableLevels: ["data-manager"],
    };
    expect(explain(parseExplainQuery({ kind: "level", orgRole: "admin", policy }))).toMatchObject({
      roles: ["segment_manager"],
      policyVersion: 2,
    });
    expect(() =>
      explain(
        parseExplainQuery({ kind: "level", orgRole: "admin", policy, rolesAvailable: ["admin"] }),
      ),
    ).toThrow(/levels\.editor\.roles\[0\]: unknown Lytics role "segment_manager"/);
  });

  it.each([
    [{ kind: "nope" }, /^kind: unknown query kind/],
    [
      { kind: "task", roles: ["Data Manager"], permission: "pii.vew" },
      /^permission: unknown task permission "pii.vew"/,
    ],
    [
      { kind: "task", roles: ["Data Mngr"], permission: "pii.view" },
      /^roles\[0\]: unknown Lytics role "Data Mngr"/,
    ],
    [{ kind: "nav", roles: [], item: "settings" }, /^item: unknown navigation item "settings"/],
    [
      { kind: "project", orgRole: "owner", action: "project.rename" },
      /^action: unknown project action/,
    ],
    [
      { kind: "project", orgRole: "boss", action: "project.edit" },
      /^orgRole: unknown orgRole "boss"/,
    ],
    [
      { kind: "project", orgRole: "member", projectRoles: ["Owner"], action: "project.edit" },
      /^projectRoles\[0\]: /,
    ],
    [{ kind: "task", roles: "Admin", permission: "pii.view" }, /^roles: /],
    [{ kind: "catalogue", extra: true }, /extra/],
    [[], /query kind|expected object/],
  ])("rejects %j naming the field", (input, expected) => {
    expect(errorOf(input)).toMatch(expected);
  });
});
