/**
 * Seed 000's troubleshooting table, word for word, and the answers it gives to a direct login or a
 * password reset. The pages add the person's own case on top; these lines never change with it.
 */
export const SEED_TROUBLESHOOTING = {
  "unable-to-log-in": {
    issue: "Unable to log in",
    cause: "Direct login not supported",
    resolution: "Use Contentstack App Switcher",
  },
  "access-denied": {
    issue: "Access Denied",
    cause: "Insufficient permissions",
    resolution: "Ask Org Owner to verify your role",
  },
  "redirect-loop": {
    issue: "OAuth redirect loop",
    cause: "Cached credentials or expired token",
    resolution: "Clear browser cache/cookies and retry",
  },
  "missing-audiences": {
    issue: "Missing audiences or metrics",
    cause: "Role-based visibility",
    resolution: "Ensure you have Editor or Admin access",
  },
  "password-reset": {
    issue: "Password reset not received",
    cause: "Reset not supported for CS-managed accounts",
    resolution: "Use Contentstack login only",
  },
} as const;

export type TroubleshootingCase = keyof typeof SEED_TROUBLESHOOTING;

/** Seed 000, "How Authentication Works" and "Limitations". */
export const DIRECT_LOGIN_ANSWER =
  "Direct login is not supported for Contentstack-managed Data & Insights accounts: there is no Data & Insights username or password. You sign in with your Contentstack account, through OAuth 2.0.";

export const PASSWORD_RESET_ANSWER =
  "Password reset is not available for Contentstack-provisioned Data & Insights accounts: there is no Data & Insights password to reset. Sign in with your Contentstack login only.";

export const WAY_FORWARD =
  "Log in to Contentstack, then open Data & Insights from the App Switcher (or open lytics-access from your organization settings). Contentstack signs you in; the first time it asks you to authorize the app once.";

/** Seed 000's warning, shown wherever a password comes up. */
export const PASSWORD_WARNING =
  "Do not attempt to reset Lytics passwords or create standalone Lytics logins. This breaks the OAuth integration.";
