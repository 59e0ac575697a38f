// The sign-in window the app opens: Contentstack's authorize page (consent only the first time),
// then the app's callback, which hands the result back to the frame and closes itself.
import { expect, type Page, type Request } from "@playwright/test";

import type { SystemInfo } from "../support/system-info";

export interface SignInOutcome {
  /** Contentstack asked the person to authorize the app. */
  readonly consentAsked: boolean;
  /** The authorization request the window made (state, PKCE challenge). */
  readonly authorizeUrl: URL;
  /** Where Contentstack sent the window back (code, state). */
  readonly callbackUrl: URL;
}

export class SignInPopup {
  private readonly requests: Request[] = [];

  constructor(
    readonly popup: Page,
    readonly system: SystemInfo,
  ) {
    popup.on("request", (request) => this.requests.push(request));
  }

  async complete(): Promise<SignInOutcome> {
    const closed = this.popup
      .waitForEvent("close", { timeout: 20_000 })
      .then(() => "closed" as const);
    const authorize = this.popup.getByRole("button", { name: "Authorize" });
    const consent = authorize.waitFor({ timeout: 20_000 }).then(() => "consent" as const);
    let consentAsked = false;
    if ((await Promise.race([closed, consent.catch(() => closed)])) === "consent") {
      consentAsked = true;
      await expect(this.popup.getByRole("heading", { name: /^Authorize / })).toBeVisible();
      await authorize.click();
      await closed;
    }
    const authorizeRequest = this.requests.find((r) =>
      r.url().startsWith(`${this.system.contentstackUrl}/apps/`),
    );
    const callback = this.requests.find((r) =>
      r.url().startsWith(`${this.system.appUrl}/api/auth/callback`),
    );
    if (!authorizeRequest || !callback)
      throw new Error("the sign-in window never went through Contentstack and back");
    return {
      consentAsked,
      authorizeUrl: new URL(authorizeRequest.url()),
      callbackUrl: new URL(callback.url()),
    };
  }
}
