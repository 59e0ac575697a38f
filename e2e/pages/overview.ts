// The app's Overview: the organization and its Data & Insights account, the sync, the Data
// Activation Layer gate and the launch into Data & Insights.
import { expect, type Page } from "@playwright/test";

import type { AppFrame } from "./app-frame";
import { LyticsWorkspace } from "./lytics-workspace";

export class Overview {
  constructor(readonly app: AppFrame) {}

  get frame() {
    return this.app.frame;
  }

  async open(): Promise<void> {
    await this.app.navigate("Overview");
  }

  launchCard() {
    return this.frame.getByTestId("launch");
  }

  /** The projects offered to open, by name. */
  async launchableProjects(): Promise<string[]> {
    const card = this.launchCard();
    await expect(card).toBeVisible();
    if (await card.getByTestId("launch-refused").isVisible()) return [];
    if (await card.getByTestId("launch-open").isVisible())
      return [((await card.locator("strong").first().textContent()) ?? "").trim()];
    return (await card.getByTestId("launch-choices").locator("li > span").allTextContents()).map(
      (t) => t.trim(),
    );
  }

  launchRefusal() {
    return this.launchCard().getByTestId("launch-refused");
  }

  /** "Open Data & Insights": a new tab where Data & Insights signs the person in. */
  async openDataAndInsights(projectName?: string): Promise<LyticsWorkspace> {
    const card = this.launchCard();
    const link = projectName
      ? card.getByRole("link", { name: `Open ${projectName} in Data & Insights` })
      : card.getByTestId("launch-open");
    const opened = this.app.page.context().waitForEvent("page");
    await link.click();
    const tab: Page = await opened;
    const workspace = new LyticsWorkspace(tab, this.app.system);
    await workspace.passConsentIfAsked();
    return workspace;
  }

  dalMissing() {
    return this.frame.getByTestId("dal-missing");
  }

  heldPlans() {
    return this.frame.getByTestId("held-plans");
  }
}
