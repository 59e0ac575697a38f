// The emulated Data & Insights (Lytics) a person lands in after a launch: the workspace of a
// project (account name, their roles, audiences), or the refusals of seed 000.
import { expect, type Page } from "@playwright/test";

import type { SystemInfo } from "../support/system-info";

export class LyticsWorkspace {
  constructor(
    readonly page: Page,
    readonly system: SystemInfo,
  ) {}

  /** The first launch asks once to authorize Data & Insights with Contentstack. */
  async passConsentIfAsked(): Promise<boolean> {
    const authorize = this.page.getByRole("button", { name: "Authorize" });
    const landed = this.page.locator("h1");
    await expect(landed).toBeVisible();
    if (!(await authorize.isVisible())) return false;
    await authorize.click();
    await expect(this.page).toHaveURL(new RegExp(`^${escape(this.system.lyticsUrl)}/`));
    return true;
  }

  accountName() {
    return this.page.getByTestId("account-name");
  }

  roles() {
    return this.page.getByTestId("roles").getByRole("listitem");
  }

  async expectWorkspaceOf(accountName: string, person: string): Promise<void> {
    await expect(this.page).toHaveURL(new RegExp(`^${escape(this.system.lyticsUrl)}/dashboard`));
    await expect(this.accountName()).toHaveText(accountName);
    await expect(this.page.getByTestId("person")).toHaveText(person);
  }
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
