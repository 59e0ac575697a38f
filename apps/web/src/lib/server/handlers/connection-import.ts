import "server-only";

import { ImportNotAcceptedError } from "@lytics-access/sync";
import { z } from "zod";

import { importView } from "../connect/import-view";
import { installationChangedThenSync, syncLink, type SyncLink } from "../connect/sync-link";
import { json } from "../responses";
import { requireSession } from "../route-guard";
import type { Services } from "../services";

import { requireSessionAndBody } from "./session-and-body";

/** Whether the organization is connected and its first-connection import not accepted yet. */
async function importWaiting(svc: Services, orgUid: string): Promise<boolean> {
  return (await svc.installations.get(orgUid))?.awaitingImport === true;
}

const acceptSchema = z.strictObject({ importId: z.string().min(1).max(200) });

function notWaiting(): Response {
  return json(409, {
    error: "no-import-waiting",
    reasons: ["No first-connection import is waiting: the organization is not newly connected."],
  });
}

/** GET /api/connection/import: the waiting import plan, read again (after a reload). */
export async function showImport(
  svc: Services,
  request: Request,
  link: SyncLink = syncLink(svc),
): Promise<Response> {
  const guard = await requireSession(svc, request, { mutation: false, action: "sync.connect" });
  if (!guard.ok) return guard.response;
  const { orgUid } = guard.state.session;
  if (!(await importWaiting(svc, orgUid))) return notWaiting();
  const imports = link.openImport();
  try {
    return json(200, { import: importView(await imports.plan(orgUid)) });
  } finally {
    await imports.close();
  }
}

/**
 * POST /api/connection/import {importId}: accepts the plan that was shown (apps/worker refuses a
 * plan that changed since), saves the adopted collaborators as grants and marks the import
 * accepted (apps/worker's import service, through packages/store), then tells the workers the
 * organization is connected (`installationChanged`: its reconcile and audit-log poll schedulers
 * now, not at the next worker start) and asks for the first sync ("sync now").
 */
export async function acceptImport(
  svc: Services,
  request: Request,
  link: SyncLink = syncLink(svc),
): Promise<Response> {
  const guard = await requireSessionAndBody(
    svc,
    request,
    { mutation: true, action: "sync.connect" },
    acceptSchema,
    "importId: the plan's id is required",
  );
  if (!guard.ok) return guard.response;
  const { session, person, body } = guard.state;
  if (!(await importWaiting(svc, session.orgUid))) return notWaiting();

  const imports = link.openImport();
  let adopted: number;
  try {
    ({ adopted } = await imports.accept(session.orgUid, body.importId, {
      type: "person",
      uid: session.userUid,
      email: person.email,
      ...(person.name ? { name: person.name } : {}),
    }));
  } catch (error) {
    if (!(error instanceof ImportNotAcceptedError)) throw error;
    const current = await imports.plan(session.orgUid);
    return json(409, {
      error: "import-changed",
      reasons: [
        "The projects changed since the plan was shown. Review the new plan and accept it again.",
      ],
      import: importView(current),
    });
  } finally {
    await imports.close();
  }
  const jobId = await installationChangedThenSync(link, session.orgUid, "connected", person.email);
  return json(200, { accepted: true, adopted, syncQueued: jobId });
}
