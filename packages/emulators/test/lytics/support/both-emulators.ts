// Both emulators on free ports, plus a helper that signs a fixture person in at Contentstack (the
// control API mints a host-shell session whose token is a CMA `authtoken`).
import {
  startEmulators,
  type RunningEmulators,
  type StartEmulatorsOptions,
} from "../../../src/start-emulators";
import { call } from "./http";

export async function startBoth(
  options: Omit<StartEmulatorsOptions, "csPort" | "lyticsPort"> = {},
): Promise<RunningEmulators> {
  return startEmulators({ csPort: 0, lyticsPort: 0, ...options });
}

export async function authtokenFor(emulators: RunningEmulators, userUid: string): Promise<string> {
  const response = await call<{ authtoken: string }>(
    emulators.contentstack.url,
    "POST",
    "/_emulator/sessions",
    { body: { user_uid: userUid } },
  );
  if (response.status >= 300 || !response.body?.authtoken) {
    throw new Error(
      `could not mint a Contentstack session for ${userUid}: ${response.status} ${JSON.stringify(response.body)}`,
    );
  }
  return response.body.authtoken;
}

/** Management API headers as a client sends them. */
export function managementHeaders(
  authtoken: string,
  organizationUid = "blt_org_acme",
): Record<string, string> {
  return { authtoken, organization_uid: organizationUid, "x-cs-api-version": "1" };
}
