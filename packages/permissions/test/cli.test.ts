import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { answerJsonLines } from "../src/cli/json-lines";
import { runCli } from "../src/cli/run-cli";

const BIN = fileURLToPath(new URL("../bin/lytics-access-explain.mjs", import.meta.url));

const QUERIES = [
  '{"kind":"task","roles":["Data Manager"],"permission":"pii.view"}',
  '{"kind":"nav","roles":["report_viewer","Marketer"],"item":"lookalike-models"}',
  '{"kind":"project","orgRole":"member","isProjectOwner":false,"projectRoles":["Observer"],"action":"project.invite"}',
  '{"kind":"level","orgRole":"admin"}',
  '{"kind":"catalogue"}',
];

describe("--json mode, in-process", () => {
  it("answers one line per query, in order", () => {
    const { output, exitCode } = answerJsonLines(QUERIES);
    expect(exitCode).toBe(0);
    const answers = output.map((line) => JSON.parse(line));
    expect(answers.map((answer) => answer.rule)).toEqual([
      "pii.roles",
      "nav.lookalike-footnote",
      "project.precedence.denied",
      "level.org-admin",
      undefined,
    ]);
    expect(answers[3]).toMatchObject({
      level: "editor",
      roles: [
        "segment_manager",
        "content_manager",
        "report_viewer",
        "experience_manager",
        "goal_manager",
      ],
    });
    expect(answers[4].tasks).toHaveLength(37);
  });

  it("answers a malformed line with an error line, runs the rest, and fails the exit code", () => {
    const { output, exitCode } = answerJsonLines([
      QUERIES[0] ?? "",
      "{not json",
      "",
      '{"kind":"x"}',
      QUERIES[3] ?? "",
    ]);
    expect(exitCode).toBe(1);
    expect(output).toHaveLength(4);
    expect(JSON.parse(output[1] ?? "")).toEqual({
      error: expect.stringMatching(/^line 2: invalid JSON/),
    });
    expect(JSON.parse(output[2] ?? "")).toEqual({
      error: expect.stringMatching(/^line 4: kind: unknown query kind/),
    });
    expect(JSON.parse(output[3] ?? "").rule).toBe("level.org-admin");
  });
});

describe("text mode, in-process", () => {
  it.each([
    [["task", "--roles", "Data Manager", "--permission", "pii.view"], /^ALLOWED: task pii.view/],
    [["nav", "--roles", "observer,marketer", "--item", "goals"], /^DENIED: navigation item goals/],
    [
      ["project", "--org-role", "member", "--project-owner", "--action", "project.delete"],
      /rule: project.precedence.project-owner/,
    ],
    [
      ["level", "--org-role", "member", "--granted-level", "data-manager"],
      /access level Data Manager\nLytics roles written: data_manager/,
    ],
    [["catalogue"], /Look-a-like Models\s+X\s+-/],
  ])("%j", (argv, expected) => {
    const result = runCli(argv);
    expect(result.exitCode).toBe(0);
    expect(result.stdout.join("\n")).toMatch(expected);
  });

  it.each([[["task", "--roles", "Admin"]], [["frobnicate"]], [["task", "--bogus", "x"]], [[]]])(
    "exits 2 with a message for %j",
    (argv) => {
      const result = runCli(argv);
      expect(result.exitCode).toBe(2);
      expect(result.stderr[0]).toMatch(/^error: /);
    },
  );

  it("prints help", () => {
    expect(runCli(["--help"]).stdout[0]).toMatch(/^Usage:/);
  });
});

describe("the real bin", () => {
  it("streams JSON answers from stdin and sets the exit code", () => {
    const input = `${QUERIES.slice(0, 4).join("\n")}\nbroken\n`;
    const run = spawnSync(process.execPath, [BIN, "--json"], {
      input,
      encoding: "utf8",
      timeout: 30_000,
    });
    expect(run.stderr).toBe("");
    const lines = run.stdout
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line));
    expect(lines.map((line) => line.rule ?? line.error)).toEqual([
      "pii.roles",
      "nav.lookalike-footnote",
      "project.precedence.denied",
      "level.org-admin",
      expect.stringMatching(/^line 5: invalid JSON/),
    ]);
    expect(run.status).toBe(1);
  });

  it("answers a text query", () => {
    const run = spawnSync(process.execPath, [BIN, "level", "--org-role", "owner"], {
      encoding: "utf8",
      timeout: 30_000,
    });
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/access level Admin\nLytics roles written: admin/);
  });
});
