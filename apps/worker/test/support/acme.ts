// Staging the emulated world, and reading what the worker left in the store.
import { loadFixture, startEmulators, type RunningEmulators } from "@lytics-access/emulators";
import {
  createAuditLogStore,
  type AuditLogStore,
  type StoredAuditEntry,
} from "@lytics-access/store";
import type { Redis } from "ioredis";

export const ACME = "blt_org_acme";
export const GLOBEX = "blt_org_globex";

export async function control(
  baseUrl: string,
  path: string,
  method: string,
  body?: unknown,
): Promise<unknown> {
  const response = await fetch(`${baseUrl}/_emulator${path}`, {
    method,
    ...(body === undefined
      ? {}
      : { headers: { "content-type": "application/json" }, body: JSON.stringify(body) }),
  });
  if (!response.ok)
    throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
  return response.status === 204 ? undefined : response.json();
}

/** `count` people with Contentstack accounts (not yet in any organization): `${tag}-000@acme.test`... */
export function extraPeople(count: number, tag: string): { uid: string; email: string }[] {
  return Array.from({ length: count }, (_, i) => {
    const n = String(i).padStart(3, "0");
    return { uid: `blt_user_${tag}_${n}`, email: `${tag}-${n}@acme.test` };
  });
}

/** The emulators with the default world plus these people (who have accounts but no membership). */
export async function startEmulatorsWithPeople(
  people: readonly { uid: string; email: string }[],
): Promise<RunningEmulators> {
  const fixture = loadFixture();
  const extended = {
    ...fixture,
    people: [
      ...fixture.people,
      ...people.map((person) => ({
        uid: person.uid,
        email: person.email,
        first_name: "Test",
        last_name: person.uid,
      })),
    ],
  };
  return startEmulators({
    csPort: 0,
    lyticsPort: 0,
    lyticsRateLimitPerSecond: false,
    contentstackRateLimit: false,
    fixture: extended as typeof fixture,
  });
}

/** Adds these people to Acme as accepted members with the given org role (Admin by default). */
export async function addToAcme(
  emulators: RunningEmulators,
  emails: readonly string[],
  role = "blt_role_acme_admin",
): Promise<void> {
  for (const email of emails)
    await control(emulators.contentstack.url, `/organizations/${ACME}/members`, "POST", {
      email,
      org_roles: [role],
      status: "accepted",
    });
}

/** A fault rule on one emulator's control plane. */
export async function addFault(baseUrl: string, rule: Record<string, unknown>): Promise<void> {
  await control(baseUrl, "/faults", "POST", rule);
}

/** Every audit entry of one organization, oldest first. */
export async function allAuditEntries(
  redis: Redis,
  orgUid: string,
  keyPrefix?: string,
): Promise<StoredAuditEntry[]> {
  const audit: AuditLogStore = createAuditLogStore({ redis, ...(keyPrefix ? { keyPrefix } : {}) });
  const entries: StoredAuditEntry[] = [];
  let cursor: string | undefined;
  for (;;) {
    const page = await audit.read(orgUid, {
      limit: 1000,
      scanLimit: 100_000,
      ...(cursor ? { cursor } : {}),
    });
    entries.push(...page.entries);
    if (!page.nextCursor) break;
    cursor = page.nextCursor;
  }
  return entries.reverse();
}

export function changeEntries(entries: readonly StoredAuditEntry[]) {
  return entries.flatMap((entry) => (entry.kind === "change-applied" ? [entry] : []));
}
