import { describe, expect, it } from "vitest";
import { holdersOf } from "../src/catalogue/matrix-row";
import {
  NAV_ITEMS,
  NAVIGATION_MATRIX,
  navRow,
  type NavItem,
} from "../src/catalogue/navigation-matrix";
import { evaluateNav } from "../src/evaluate/role-permissions";
import { cellCases, NAVIGATION_ROWS } from "./fixtures/seed-001";

describe("navigation matrix (seed 001)", () => {
  it("has the eighteen seed rows in seed order", () => {
    expect(NAVIGATION_MATRIX.map((row) => row.id)).toEqual(NAVIGATION_ROWS.map((row) => row.id));
    expect([...NAV_ITEMS]).toEqual(NAVIGATION_ROWS.map((row) => row.id));
  });

  it.each(NAVIGATION_ROWS)("$seedLabel: count recomputed from the cells is $count", (seedRow) => {
    const row = navRow(seedRow.id as NavItem);
    const held = Object.values(row.cells).filter((cell) => cell.held).length;
    expect(held).toBe(seedRow.count);
    expect(row.seedCount).toBe(seedRow.count);
    expect(holdersOf(row)).toHaveLength(seedRow.count);
  });

  it.each(cellCases(NAVIGATION_ROWS))("$row / $column: held=$held ($source)", (cell) => {
    const row = navRow(cell.row as NavItem);
    expect(row.cells[cell.slug as keyof typeof row.cells]).toEqual({
      held: cell.held,
      source: cell.source,
    });
    // The cell alone decides for a single role, except where the look-alike footnote widens it
    // (which needs two roles, so a single role never gets more than its cell).
    expect(evaluateNav([cell.slug], cell.row as NavItem).allowed).toBe(cell.held);
  });

  it("Admin holds every row and Dashboard is shown to all eleven roles", () => {
    for (const row of NAVIGATION_MATRIX)
      expect(row.cells.admin).toEqual({ held: true, source: "documented" });
    expect(holdersOf(navRow("dashboard"))).toHaveLength(11);
  });
});
