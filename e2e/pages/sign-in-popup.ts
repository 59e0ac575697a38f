// The sign-in window the app opens: Contentstack's authorize page (consent only the first time),
// then the app's callback, which hands the result back to the frame and closes itself.
import { expect, type BrowserContext, type Page, type Request } from "@playwright/test";

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
  private readonly listener = (request: Request) => void this.requests.push(request);

  private constructor(
    private readonly context: BrowserContext,
    private readonly system: SystemInfo,
  ) {
    context.on("request", this.listener);
  }

  /** Starts recording before the window opens: its first requests come before the popup event. */
  static watch(context: BrowserContext, system: SystemInfo): SignInPopup {
    return new SignInPopup(context, system);
  }

  stop(): void {
    this.context.off("request", this.listener);
  }

  async complete(popup: Page): Promise<SignInOutcome> {
    // Without a consent to give, the window may go through Contentstack and close before this
    // runs: a close already over would never fire again.
    const closed = popup.isClosed()
      ? Promise.resolve("closed" as const)
      : popup.waitForEvent("close", { timeout: 20_000 }).then(() => "closed" as const);
    const authorize = popup.getByRole("button", { name: "Authorize" });
    const consent = authorize.waitFor({ timeout: 20_000 }).then(() => "consent" as const);
    let consentAsked = false;
    if ((await Promise.race([closed, consent.catch(() => closed)])) === "consent") {
      consentAsked = true;
      await expect(popup.getByRole("heading", { name: /^Authorize / })).toBeVisible();
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
