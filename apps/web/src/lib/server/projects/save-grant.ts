import "server-only";

import type { ProjectCollaborator } from "@lytics-access/lytics";
import { AlreadyExistsError, normaliseEmail, type Actor, type Grant } from "@lytics-access/store";

import type { SyncLink } from "../connect/sync-link";
import type { Services } from "../services";
import type { Active } from "./project-context";

export const actorOf = (state: Active): Actor => ({
  type: "person",
  uid: state.session.userUid,
  email: state.person.email,
  ...(state.person.name ? { name: state.person.name } : {}),
});

/** A Lytics collaborator uid that is a Contentstack user (not an open invitation's `invite_…`). */
const contentstackUid = (userUid: string): string | undefined =>
  userUid.startsWith("invite_") ? undefined : userUid;

/**
 * Records the access given through the app as a grant (DESIGN §3.4: the sync keeps collaborators
 * from the app's grants, and removes them once a grant's expiry passes), creating it or updating
 * the person's grant on the project, and audits it. `expectedVersion` is the grant version the
 * person saw; a grant changed meanwhile is a StaleWriteError.
 */
export async function saveGrant(
  svc: Services,
  state: Active,
  input: {
    projectUid: string;
    collaborator: Pick<ProjectCollaborator, "email" | "userUid">;
    roles: readonly string[];
    /** Epoch ms; null clears it; undefined leaves an existing grant's as it is. */
    expiresAt: number | null | undefined;
    existing: Grant | null;
    expectedVersion?: number;
  },
): Promise<Grant> {
  const { orgUid } = state.session;
  const userUid = contentstackUid(input.collaborator.userUid);
  let grant: Grant;
  const update = (current: Grant, version: number) =>
    svc.grants.update(orgUid, current.id, version, {
      roles: [...input.roles],
      ...(input.expiresAt === undefined ? {} : { expiresAt: input.expiresAt }),
      ...(userUid ? { userUid } : {}),
    });
  if (input.existing) {
    grant = await update(input.existing, input.expectedVersion ?? input.existing.version);
  } else {
    try {
      grant = await svc.grants.create(orgUid, {
        projectUid: input.projectUid,
        email: input.collaborator.email,
        ...(userUid ? { userUid } : {}),
        roles: [...input.roles],
        ...(typeof input.expiresAt === "number" ? { expiresAt: input.expiresAt } : {}),
        grantedBy: actorOf(state),
        source: "app",
      });
    } catch (error) {
      // They have a grant already (an invitation states the whole grant, or one was saved
      // meanwhile): replace it as it is now.
      if (!(error instanceof AlreadyExistsError)) throw error;
      const current = await svc.grants.get(orgUid, error.existingId ?? "");
      if (!current) throw error;
      grant = await update(current, current.version);
    }
  }
  await svc.auditLog.append(orgUid, {
    kind: "grant-saved",
    at: Date.now(),
    actor: actorOf(state),
    grantId: grant.id,
    projectUid: grant.projectUid,
    person: { email: grant.email, ...(grant.userUid ? { uid: grant.userUid } : {}) },
    roles: [...grant.roles],
    ...(grant.expiresAt === undefined ? {} : { expiresAt: grant.expiresAt }),
    source: grant.source,
  });
  return grant;
}

/** Removes the person's grant on the project (if any) and audits it. */
export async function removeGrant(svc: Services, state: Active, grant: Grant): Promise<void> {
  const { orgUid } = state.session;
  await svc.grants.remove(orgUid, grant.id, grant.version);
  await svc.auditLog.append(orgUid, {
    kind: "grant-removed",
    at: Date.now(),
    actor: actorOf(state),
    grantId: grant.id,
    projectUid: grant.projectUid,
    person: { email: grant.email, ...(grant.userUid ? { uid: grant.userUid } : {}) },
    roles: [...grant.roles],
  });
}

/**
 * Asks the sync for these people now (DESIGN §4: a saved grant queues a targeted sync at once),
 * when the organization is connected and past its first-connection import. The change is saved
 * whatever happens here: the next full reconcile applies it. Returns the job id, or null.
 */
export async function queueSyncFor(
  svc: Services,
  link: SyncLink,
  orgUid: string,
  emails: readonly string[],
): Promise<string | null> {
  try {
    const installation = await svc.installations.get(orgUid);
    if (!installation || installation.awaitingImport) return null;
    return await link.enqueuer().syncPeople(orgUid, emails.map(normaliseEmail), {
      trigger: "grant",
    });
  } catch (error) {
    console.error(`[web] projects: sync not queued for ${emails.length} people: ${String(error)}`);
    return null;
  }
}
