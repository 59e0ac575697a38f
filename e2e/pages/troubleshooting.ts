// The troubleshooting pages, one per row of seed 000's table, and the access checker.
import { expect } from "@playwright/test";

import type { AppFrame } from "./app-frame";

export const SEED_ROWS = {
  "unable-to-log-in": "Unable to log in",
  "access-denied": "Access Denied",
  "redirect-loop": "OAuth redirect loop",
  "missing-audiences": "Missing audiences or metrics",
  "password-reset": "Password reset not received",
} as const;

export const PAGE_HEADINGS = {
  "unable-to-log-in": "Unable to log in",
  "access-denied": "Access denied",
  "redirect-loop": "OAuth redirect loop",
  "missing-audiences": "Missing audiences or metrics",
  "password-reset": "Password reset not received",
} as const;

export type SeedRow = keyof typeof SEED_ROWS;

export class Troubleshooting {
  constructor(readonly app: AppFrame) {}

  get frame() {
    return this.app.frame;
  }

  async open(): Promise<void> {
    await this.app.navigate("Troubleshooting");
  }

  /** From the index, the page of one row of seed 000's table. */
  async openRow(row: SeedRow): Promise<void> {
    await this.app.follow(SEED_ROWS[row], PAGE_HEADINGS[row]);
    await expect(this.frame.getByTestId("seed-row")).toBeVisible();
  }

  async openAccessChecker(): Promise<void> {
    await this.app.follow("Access checker", "Access checker");
  }

  decision() {
    return this.frame.getByTestId("decision");
  }

  remedy() {
    return this.frame.getByTestId("remedy");
  }

  visibilityRows() {
    return this.frame.getByTestId("visibility-row");
  }
}
