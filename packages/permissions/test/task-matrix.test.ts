import { describe, expect, it } from "vitest";
import { holdersOf } from "../src/catalogue/matrix-row";
import {
  TASK_MATRIX,
  TASK_PERMISSIONS,
  taskRow,
  type TaskPermission,
} from "../src/catalogue/task-matrix";
import { evaluateTask } from "../src/evaluate/role-permissions";
import { cellCases, TASK_ROWS } from "./fixtures/seed-001";

describe("task matrix (seed 001)", () => {
  it("has the thirty-seven seed rows in seed order", () => {
    expect(TASK_MATRIX.map((row) => row.id)).toEqual(TASK_ROWS.map((row) => row.id));
    expect([...TASK_PERMISSIONS]).toEqual(TASK_ROWS.map((row) => row.id));
  });

  it.each(TASK_ROWS)("$seedLabel: count recomputed from the cells is $count", (seedRow) => {
    const row = taskRow(seedRow.id as TaskPermission);
    expect(Object.values(row.cells).filter((cell) => cell.held)).toHaveLength(seedRow.count);
    expect(row.seedCount).toBe(seedRow.count);
    expect(holdersOf(row)).toHaveLength(seedRow.count);
  });

  it.each(cellCases(TASK_ROWS))("$row / $column: held=$held ($source)", (cell) => {
    const row = taskRow(cell.row as TaskPermission);
    expect(row.cells[cell.slug as keyof typeof row.cells]).toEqual({
      held: cell.held,
      source: cell.source,
    });
    expect(evaluateTask([cell.slug], cell.row as TaskPermission).allowed).toBe(cell.held);
  });

  it("quotes the issue's examples exactly", () => {
    const count = (id: TaskPermission) => holdersOf(taskRow(id)).length;
    expect([count("audiences.view"), count("audiences.create"), count("audiences.delete")]).toEqual(
      [7, 6, 5],
    );
    expect(count("api.segment-collections")).toBe(8);
    for (const id of [
      "account.invite-user",
      "account.manage-user-roles",
      "account.create",
      "account.edit",
      "account.view-usage",
    ] as const)
      expect(holdersOf(taskRow(id))).toEqual(["admin"]);
  });

  it("marks PII as documented by prose and every Admin cell as documented", () => {
    expect(taskRow("pii.view").evidence).toMatch(/prose/);
    for (const row of TASK_MATRIX)
      expect(row.cells.admin).toEqual({ held: true, source: "documented" });
  });
});
