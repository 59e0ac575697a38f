// Our app as a person sees it: inside Contentstack's organization settings, in a cross-site iframe.
import { expect, test, type Frame, type FrameLocator, type Page } from "@playwright/test";

import { expectAccessible } from "../support/accessibility";
import type { SystemInfo } from "../support/system-info";
import type { Person } from "../support/world";
import { SignInPopup, type SignInOutcome } from "./sign-in-popup";

const FRAME = "iframe[data-testid='app-extension-frame']";

export type OrgRoleLabel = "Owner" | "Admin" | "Member" | "Guest";

export class AppFrame {
  readonly frame: FrameLocator;

  constructor(
    readonly page: Page,
    readonly system: SystemInfo,
  ) {
    this.frame = page.frameLocator(FRAME);
  }

  heading() {
    return this.frame.locator("h1").first();
  }

  /** The app answered inside the frame: the sign-in offer, or a page of the signed-in app. */
  async waitUntilLoaded(): Promise<void> {
    await expect(this.heading()).toBeVisible({ timeout: 20_000 });
  }

  /** The frame's document, for what only the browser can tell (cookies, storage). */
  documentFrame(): Frame {
    const frame = this.page.frames().find((f) => f.url().startsWith(this.system.appUrl));
    if (!frame) throw new Error("the app's frame is not there");
    return frame;
  }

  signInButton() {
    return this.frame.getByRole("button", { name: "Sign in with Contentstack" });
  }

  /** "Sign in with Contentstack": the popup, consent when Contentstack asks, then the Overview. */
  async signIn(): Promise<SignInOutcome> {
    return test.step("sign in with Contentstack in the popup", () => this.signInSteps());
  }

  private async signInSteps(): Promise<SignInOutcome> {
    const popupOpened = this.page.waitForEvent("popup");
    const watch = SignInPopup.watch(this.page.context(), this.system);
    try {
      await this.signInButton().click();
      const outcome = await watch.complete(await popupOpened);
      // The frame redeems the popup's result, then opens the Overview.
      await this.expectOn("Overview");
      return outcome;
    } finally {
      watch.stop();
    }
  }

  /** The app's own sign-out, in its navigation (Contentstack's sign-in is left as it is). */
  async signOut(): Promise<void> {
    await test.step("sign out of the app", async () => {
      await this.frame.getByRole("button", { name: "Sign out of the app" }).click();
    });
  }

  async expectOn(heading: string): Promise<void> {
    await expect(this.heading()).toHaveText(heading);
  }

  async expectSignedInAs(person: Person, role: OrgRoleLabel): Promise<void> {
    await expect(this.frame.getByTestId("person")).toContainText(`${person.first} ${person.last}`);
    await expect(this.frame.getByTestId("person-role")).toHaveText(`Organization ${role}`);
  }

  /** A link of the app's navigation. */
  async navigate(label: string, heading = label): Promise<void> {
    await test.step(`open ${label} in the app`, async () => {
      await this.frame
        .getByRole("navigation", { name: "Data & Insights access" })
        .getByRole("link", { name: label, exact: true })
        .click();
      await this.expectOn(heading);
    });
  }

  /** Follows a link inside the page's content (not the navigation). */
  async follow(link: string, heading: string): Promise<void> {
    await this.frame
      .getByRole("main")
      .getByRole("link", { name: link, exact: true })
      .first()
      .click();
    await this.expectOn(heading);
  }

  async expectAccessible(label: string): Promise<void> {
    await expectAccessible(this.documentFrame(), label);
  }

  /** Reloads only the app's frame (a full page load of the app, not a client-side navigation). */
  async reloadFrame(): Promise<void> {
    await this.documentFrame().evaluate(() => window.location.reload());
    await this.waitUntilLoaded();
  }

  /** The session has ended: the app says so and offers the way back. */
  async expectSessionEnded(): Promise<void> {
    await this.expectOn("Your session has ended");
  }
}
