// The emulated Contentstack a person uses: sign in, pick the organization, the App Switcher, and
// the organization settings where our app is mounted (its Global Full Page location).
import { expect, test, type Page } from "@playwright/test";

import type { SystemInfo } from "../support/system-info";
import type { Person } from "../support/world";
import { AppFrame } from "./app-frame";
import { LyticsWorkspace } from "./lytics-workspace";

export class HostShell {
  readonly app: AppFrame;

  constructor(
    readonly page: Page,
    readonly system: SystemInfo,
  ) {
    this.app = new AppFrame(page, system);
  }

  /** Signs in to Contentstack as the person (the emulator asks no password). */
  async signIn(person: Person): Promise<void> {
    await this.page.goto(`${this.system.contentstackUrl}/login`);
    await this.page
      .getByRole("button", { name: `Sign in as ${person.first} ${person.last}`, exact: true })
      .click();
    await expect(this.page.getByTestId("signed-in-as")).toHaveText(
      `${person.first} ${person.last}`,
    );
  }

  async signOut(): Promise<void> {
    await this.page.getByRole("button", { name: "Sign out" }).click();
    await expect(this.page.getByRole("heading", { name: "Sign in to Contentstack" })).toBeVisible();
  }

  /** Opens the organization's settings, where the app is mounted, and waits for the app to answer. */
  async openApp(orgUid: string): Promise<AppFrame> {
    await test.step("open the app in the organization settings", async () => {
      await this.page.goto(`${this.system.contentstackUrl}/organizations/${orgUid}`);
      await this.app.waitUntilLoaded();
    });
    return this.app;
  }

  /** Reloads the host page: Contentstack mounts the app again with a new app token. */
  async reload(): Promise<AppFrame> {
    await this.page.reload();
    await this.app.waitUntilLoaded();
    return this.app;
  }

  /** The organization switcher in the top bar. */
  async switchOrganization(name: string): Promise<AppFrame> {
    await this.page.getByTestId("org-switcher").locator("summary").click();
    await this.page.getByTestId("org-switcher").getByRole("link", { name }).click();
    await expect(this.page.getByTestId("org-name")).toHaveText(name);
    await this.app.waitUntilLoaded();
    return this.app;
  }

  async openAppSwitcher(): Promise<void> {
    await this.page.getByTestId("app-switcher").locator("summary").click();
  }

  /** App Switcher → Data & Insights: Lytics signs the person in through Contentstack. */
  async launchDataAndInsights(): Promise<LyticsWorkspace> {
    await this.openAppSwitcher();
    await this.page.getByTestId("data-and-insights").click();
    const workspace = new LyticsWorkspace(this.page, this.system);
    await workspace.passConsentIfAsked();
    return workspace;
  }
}
