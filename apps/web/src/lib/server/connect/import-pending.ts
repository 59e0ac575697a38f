import "server-only";

import { checkOrgUid } from "@lytics-access/store";

import type { Services } from "../services";

/**
 * Between a first connection and the Owner's or Admin's acceptance of the import plan, the
 * organization is connected but must not be synced yet (the first reconcile would remove the
 * collaborators the import is about to adopt). This marker remembers that the plan is still
 * waiting, so the Overview offers it again after a reload. Kept beside the organization's store
 * keys (same hash slot), 30 days.
 */
const TTL_SECONDS = 30 * 24 * 60 * 60;

function key(svc: Services, orgUid: string): string {
  return `${svc.env.STORE_KEY_PREFIX}:{org:${checkOrgUid(orgUid)}}:web:import-pending`;
}

export async function markImportPending(svc: Services, orgUid: string): Promise<void> {
  await svc.redis.set(key(svc, orgUid), String(Date.now()), "EX", TTL_SECONDS);
}

export async function isImportPending(svc: Services, orgUid: string): Promise<boolean> {
  return (await svc.redis.exists(key(svc, orgUid))) === 1;
}

export async function clearImportPending(svc: Services, orgUid: string): Promise<void> {
  await svc.redis.del(key(svc, orgUid));
}
