import { describe, expect, it } from "vitest";

import { readManagementErrorBody } from "./management-error-body";

describe("Management API error bodies (api-notes Part C1)", () => {
  it("reads the envelope {message, status, error}", () => {
    expect(
      readManagementErrorBody({ message: "Project not found", status: 404, error: "Not Found" }),
    ).toEqual({ message: "Project not found", apiCode: undefined, fieldErrors: undefined });
  });

  it("reads validation field errors with their codes and details", () => {
    const info = readManagementErrorBody({
      message: "Bad request",
      status: 400,
      errors: {
        name: [{ code: "lytics.PROJECTS.MAX_CHAR_LIMIT", maxCharacters: 100 }],
        "connections.stackApiKeys": [{ code: "lytics.PROJECTS.DUPLICATE_CONNECTION" }],
      },
    });
    expect(info).toEqual({
      message: "Bad request",
      apiCode: "lytics.PROJECTS.MAX_CHAR_LIMIT",
      fieldErrors: {
        name: [{ code: "lytics.PROJECTS.MAX_CHAR_LIMIT", maxCharacters: 100 }],
        "connections.stackApiKeys": [{ code: "lytics.PROJECTS.DUPLICATE_CONNECTION" }],
      },
    });
  });

  it("reads the Contentstack body a 401 carries", () => {
    expect(
      readManagementErrorBody({
        error_message: "You're not allowed in here unless you're logged in.",
        error_code: 105,
        errors: { authtoken: ["is not valid."] },
      }),
    ).toEqual({
      message: "You're not allowed in here unless you're logged in.",
      apiCode: 105,
      fieldErrors: { authtoken: [{ code: "invalid", message: "is not valid." }] },
    });
  });

  it("keeps an error_code the envelope carries, and reads nothing from junk", () => {
    expect(
      readManagementErrorBody({
        message: "limit",
        status: 403,
        error_code: "lytics.PROJECTS.MAX_PROJECT_LIMIT_REACHED",
      }),
    ).toMatchObject({ apiCode: "lytics.PROJECTS.MAX_PROJECT_LIMIT_REACHED" });
    expect(readManagementErrorBody("<html>bad gateway</html>")).toEqual({});
  });
});
