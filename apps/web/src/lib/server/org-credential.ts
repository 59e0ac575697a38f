import "server-only";

import { StaleWriteError } from "@lytics-access/store";

import type { Services } from "./services";

const REFRESH_SKEW_MS = 60_000;

/**
 * The organization's connected credential (the OAuth token the background sync uses), or null
 * when the organization is not connected or needs reconnecting. Refreshed here when it is about
 * to expire. Refresh tokens rotate, so the save is compare-and-set on the stored version and a
 * lost race re-reads the winner's tokens (as the worker's token source does).
 */
export async function organizationToken(svc: Services, orgUid: string): Promise<string | null> {
  const installation = await svc.installations.get(orgUid);
  if (!installation || installation.status === "needs-reconnect") return null;
  let stored = await svc.installations.readTokens(orgUid);
  if (stored.accessTokenExpiresAt - REFRESH_SKEW_MS > Date.now()) return stored.accessToken;
  const fresh = await svc.oauth.refresh(stored.refreshToken);
  try {
    await svc.installations.saveTokens(
      orgUid,
      {
        accessToken: fresh.accessToken,
        refreshToken: fresh.refreshToken ?? stored.refreshToken,
        accessTokenExpiresAt: fresh.expiresAt,
      },
      { expectedVersion: stored.version },
    );
    return fresh.accessToken;
  } catch (error) {
    if (!(error instanceof StaleWriteError)) throw error;
    stored = await svc.installations.readTokens(orgUid);
    return stored.accessToken;
  }
}

/**
 * The names of the organization's Data & Insights projects, read with its connected credential
 * (a Member's own token lists only the projects they are on, so their list says nothing about
 * the organization's). Null when not connected or not readable now.
 */
export async function organizationProjectNames(
  svc: Services,
  orgUid: string,
): Promise<string[] | null> {
  try {
    const token = await organizationToken(svc, orgUid);
    if (!token) return null;
    return (await svc.lyticsAs(orgUid, token).listProjects()).map((project) => project.name);
  } catch {
    return null;
  }
}

/** How many Data & Insights projects the organization has; null when unknown (see above). */
export async function organizationProjectCount(
  svc: Services,
  orgUid: string,
): Promise<number | null> {
  return (await organizationProjectNames(svc, orgUid))?.length ?? null;
}
