import "server-only";

import { normaliseEmail, StaleWriteError } from "@lytics-access/store";
import { z } from "zod";

import { authorize } from "../authorize";
import { syncLink, type SyncLink } from "../connect/sync-link";
import { badRequest, json, refused } from "../responses";
import type { Services } from "../services";
import { apiFailure, fieldErrors } from "./api-failure";
import { decideCollaboratorChange } from "./collaborator-decisions";
import { collaboratorEtag } from "./etag";
import { knownRoles, loadProjectContext, writeAsAllowed } from "./project-context";
import { outsiderNotes } from "./membership-notes";
import { loadForRequest } from "./project-item";
import {
  notVisible,
  projectPathIds,
  requireIfMatch,
  staleEdit,
  withProjectLock,
} from "./request-parts";
import { queueSyncFor, removeGrant, saveGrant } from "./save-grant";

const rolesSchema = z
  .array(z.string().regex(/^[a-z][a-z0-9_]{0,63}$/, "not a role"))
  .min(1, "choose at least one role; to take all access away, remove the collaborator")
  .max(32);
const expirySchema = z.number().int().positive();

const inviteSchema = z.strictObject({
  emails: z
    .array(z.email("not an email address").max(254))
    .min(1, "give at least one email")
    .max(20),
  roles: rolesSchema,
  message: z.string().max(2000).optional(),
  /** Epoch ms after which the sync takes the access away again. */
  expiresAt: expirySchema.optional(),
});

const changeSchema = z.strictObject({
  roles: rolesSchema,
  /** Epoch ms; null clears the expiry; left out keeps it. */
  expiresAt: expirySchema.nullable().optional(),
});

/** A zod refusal as field errors, so each shows beside its field. */
function invalidFields(error: z.ZodError): Response {
  const fields: Record<string, { code: string; message: string }[]> = {};
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? "body");
    (fields[field] ??= []).push({ code: "invalid", message: issue.message });
  }
  return fieldErrors(fields);
}

function pastExpiry(expiresAt: number | null | undefined, now: number): Response | null {
  if (typeof expiresAt !== "number" || expiresAt > now) return null;
  return fieldErrors({
    expiresAt: [{ code: "in-the-past", message: "The expiry must be in the future." }],
  });
}

/**
 * POST /api/projects/{uid}/collaborators {emails, roles, message?, expiresAt?}: invites people
 * with roles (`project.invite`), records each as a grant (with the expiry, if any, after which the
 * sync removes the access) and asks the sync for them at once.
 */
export async function inviteCollaboratorsHandler(
  svc: Services,
  request: Request,
  link: SyncLink = syncLink(svc),
): Promise<Response> {
  const loaded = await loadForRequest(svc, request, true);
  if (!loaded.ok) return loaded.response;
  const { state, context } = loaded;
  const decision = authorize(state.person, "project.invite", context.resource);
  if (!decision.allowed) return refused(decision);
  const parsed = inviteSchema.safeParse(await request.json().catch(() => null));
  if (!parsed.success) return invalidFields(parsed.error);
  const { emails, roles, message, expiresAt } = parsed.data;
  const past = pastExpiry(expiresAt, Date.now());
  if (past) return past;
  // Inviting someone already on the project replaces their roles: the same guards as a change.
  const wanted = new Set(emails.map(normaliseEmail));
  for (const current of context.collaborators) {
    if (!wanted.has(normaliseEmail(current.email))) continue;
    const guard = decideCollaboratorChange(state.person, context, current, {
      kind: "change-role",
      newRoles: knownRoles(roles),
    });
    if (!guard.allowed) return refused(guard);
  }
  let invited;
  try {
    invited = await writeAsAllowed(svc, state, (client) =>
      client.inviteCollaborators(context.project.uid, {
        emails,
        roles,
        ...(message?.trim() ? { message: message.trim() } : {}),
      }),
    );
  } catch (error) {
    return apiFailure(error, "Inviting");
  }
  const grants = [];
  for (const collaborator of invited) {
    // An invitation states the whole grant, so it replaces the person's grant as it is now (read
    // by saveGrant at the moment of writing), not the one this request started from.
    grants.push(
      await saveGrant(svc, state, {
        projectUid: context.project.uid,
        collaborator,
        roles: collaborator.roles.length > 0 ? collaborator.roles : roles,
        // A new invitation states the whole grant: no expiry given means none.
        expiresAt: expiresAt ?? null,
        existing: null,
      }),
    );
  }
  const syncJobId = await queueSyncFor(
    svc,
    link,
    state.session.orgUid,
    invited.map((c) => c.email),
  );
  const notes = await outsiderNotes(svc, state.session.orgUid, emails);
  return json(201, {
    notes,
    invited,
    grants: grants.map((g) => ({
      id: g.id,
      email: g.email,
      roles: g.roles,
      expiresAt: g.expiresAt ?? null,
    })),
    syncJobId,
  });
}

/**
 * PUT /api/projects/{uid}/collaborators/{userUid} {roles, expiresAt?} with If-Match, and DELETE
 * with If-Match: change a collaborator's roles or remove them. Decided by packages/permissions
 * with the owner and last-Admin guards (DESIGN §3.3); refused with 409 when their access changed
 * since the person read it; the grant follows, and the sync is asked for them at once.
 */
export async function changeCollaboratorHandler(
  svc: Services,
  request: Request,
  link: SyncLink = syncLink(svc),
): Promise<Response> {
  const removing = request.method === "DELETE";
  const loaded = await loadForRequest(svc, request, true);
  if (!loaded.ok) return loaded.response;
  const { state } = loaded;
  const userUid = projectPathIds(request)?.userUid;
  if (!userUid) return badRequest("invalid-path", ["collaborator: a user uid"]);
  const match = requireIfMatch(request);
  if (!match.ok) return match.response;
  let change: z.infer<typeof changeSchema> | null = null;
  if (!removing) {
    const parsed = changeSchema.safeParse(await request.json().catch(() => null));
    if (!parsed.success) return invalidFields(parsed.error);
    change = parsed.data;
    const past = pastExpiry(change.expiresAt, Date.now());
    if (past) return past;
  }
  const uid = loaded.context.project.uid;
  const { orgUid } = state.session;
  const outcome = await withProjectLock(svc, orgUid, uid, async (): Promise<Response> => {
    // Read again under the lock: the guards and the version check see what the write replaces.
    const context = await loadProjectContext(svc, state, uid);
    if (!context) return notVisible(uid);
    const target = context.collaborators.find((c) => c.userUid === userUid);
    if (!target)
      return json(404, {
        error: "not-found",
        reasons: ["This person is not on the project (any more)."],
      });
    const grant = context.grants.get(normaliseEmail(target.email)) ?? null;
    if (collaboratorEtag(target, grant) !== match.etag)
      return staleEdit(`${target.name ?? target.email}'s access`, {
        roles: target.roles,
        expiresAt: grant?.expiresAt ?? null,
        etag: collaboratorEtag(target, grant),
      });
    const decision = decideCollaboratorChange(
      state.person,
      context,
      target,
      change ? { kind: "change-role", newRoles: change.roles } : { kind: "remove" },
    );
    if (!decision.allowed) return refused(decision);
    try {
      if (change) {
        const roles = change.roles;
        const updated = await writeAsAllowed(svc, state, (client) =>
          client.updateCollaboratorRoles(uid, userUid, roles),
        );
        await saveGrant(svc, state, {
          projectUid: uid,
          collaborator: updated,
          roles: updated.roles.length > 0 ? updated.roles : roles,
          expiresAt: change.expiresAt,
          existing: grant,
        });
      } else {
        await writeAsAllowed(svc, state, (client) => client.removeCollaborator(uid, userUid));
        if (grant) await removeGrant(svc, state, grant);
      }
    } catch (error) {
      if (error instanceof StaleWriteError)
        return staleEdit(`${target.name ?? target.email}'s grant`, null);
      return apiFailure(error, removing ? "Removing the collaborator" : "Changing the roles");
    }
    const syncJobId = await queueSyncFor(svc, link, orgUid, [target.email]);
    // Ownership is the app's record, not a role: the sync keeps the owner Admin (DESIGN §3.4).
    const notes =
      removing && context.ownerUid === target.userUid
        ? [
            `${target.name ?? target.email} is still the project's owner, and the sync gives a project's owner Admin on it: they will be back on the project after its next run.`,
          ]
        : [];
    return json(200, { [removing ? "removed" : "changed"]: userUid, syncJobId, notes });
  });
  return outcome === "busy" ? staleEdit("The project", null) : outcome;
}
