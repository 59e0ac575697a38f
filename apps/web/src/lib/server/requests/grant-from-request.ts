import "server-only";

import {
  AlreadyExistsError,
  StaleWriteError,
  type AccessRequest,
  type Actor,
  type Grant,
} from "@lytics-access/store";

import type { Services } from "../services";

const ATTEMPTS = 3;

/**
 * The grant an approval becomes (part of the sync's desired state, DESIGN §3.4): a new grant, or
 * the person's existing grant on the project widened by the roles asked. Roles only add (the
 * union); the expiry is the later of the two, and a grant without one keeps lasting. A grant
 * already expired is replaced, so roles the sync took away do not come back with it.
 * Versions are compared on every write: a concurrent change is re-read, never overwritten.
 */
export async function grantFromRequest(
  svc: Services,
  orgUid: string,
  request: AccessRequest,
  by: Actor,
  expiresAt: number | undefined,
  now: number = Date.now(),
): Promise<Grant> {
  const { email, userUid } = request.requester;
  for (let attempt = 1; ; attempt += 1) {
    const existing = (await svc.grants.listByPerson(orgUid, { email })).find(
      (grant) => grant.projectUid === request.projectUid,
    );
    try {
      if (!existing)
        return await svc.grants.create(orgUid, {
          projectUid: request.projectUid,
          email,
          userUid,
          roles: [...request.roles],
          ...(expiresAt === undefined ? {} : { expiresAt }),
          grantedBy: by,
          source: "access-request",
        });
      const lapsed = existing.expiresAt !== undefined && existing.expiresAt <= now;
      const roles = lapsed
        ? [...request.roles]
        : [...new Set([...existing.roles, ...request.roles])].sort();
      const expiry = lapsed
        ? (expiresAt ?? null)
        : existing.expiresAt === undefined || expiresAt === undefined
          ? null
          : Math.max(existing.expiresAt, expiresAt);
      return await svc.grants.update(orgUid, existing.id, existing.version, {
        roles,
        expiresAt: expiry,
        userUid,
      });
    } catch (error) {
      const raced = error instanceof AlreadyExistsError || error instanceof StaleWriteError;
      if (!raced || attempt >= ATTEMPTS) throw error;
    }
  }
}
