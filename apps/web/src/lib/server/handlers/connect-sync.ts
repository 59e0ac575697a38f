import "server-only";

import type { Installation } from "@lytics-access/store";
import { z } from "zod";

import { CONNECT_SCOPES } from "../connect/connect-oauth";
import { importView } from "../connect/import-view";
import { installationChangedThenSync, syncLink, type SyncLink } from "../connect/sync-link";
import { json } from "../responses";
import type { Services } from "../services";

import { redeemOwnHandoff } from "./redeem-own-handoff";
import { requireSessionAndBody } from "./session-and-body";

const bodySchema = z.strictObject({ code: z.string().regex(/^[A-Za-z0-9_-]{43}$/) });

/** An installation as the browser may see it (no secret is in it; listed explicitly anyway). */
export function installationView(installation: Installation) {
  return {
    status: installation.status,
    statusReason: installation.statusReason ?? null,
    connectedBy: {
      name: installation.connectedBy.name ?? null,
      email: installation.connectedBy.email,
    },
    connectedAt: installation.connectedAt,
    scopes: installation.scopes,
  };
}

/**
 * POST /api/connection {code}: an Owner or Admin connects (or reconnects) the organization for
 * the background sync (DESIGN §4 "Credential"). The code is the one the connect popup posted; its
 * tokens must be the signed-in person's own, for this organization. They are stored encrypted on
 * the installation (packages/store), connectedBy = the person, and audited.
 *
 * A first connection is stored awaiting its import (packages/store `awaitingImport`: the worker
 * neither schedules nor runs anything for it) and answers with the first-connection import plan
 * (apps/worker), which must be accepted (POST /api/connection/import) before anything is synced.
 * A reconnection keeps the grants it had, tells the workers (`installationChanged`, so its
 * schedulers come back) and asks for a sync at once; one made before the import was accepted
 * still awaits it and shows the plan again.
 */
export async function connectSync(
  svc: Services,
  request: Request,
  link: SyncLink = syncLink(svc),
): Promise<Response> {
  const guard = await requireSessionAndBody(
    svc,
    request,
    { mutation: true, action: "sync.connect" },
    bodySchema,
    "code: a connect code is required",
  );
  if (!guard.ok) return guard.response;
  const { session, person, body } = guard.state;

  const redeemed = await redeemOwnHandoff(svc, session, body.code, {
    invalid: "This authorization expired or was already used. Choose Connect again.",
    mismatch:
      "You authorized as another Contentstack user or for another organization than the one the app is open for.",
  });
  if (!redeemed.ok) return redeemed.response;
  const { handoff } = redeemed;
  if (!handoff.tokens.refreshToken)
    return json(400, {
      error: "no-refresh-token",
      reasons: ["Contentstack issued no refresh token, so the sync could not keep working."],
    });

  const connectedBy = {
    uid: session.userUid,
    email: person.email,
    ...(person.name ? { name: person.name } : {}),
  };
  // Asked for every time: the store applies it only to a first connection (decided atomically
  // with the write), and a reconnect keeps what the installation had.
  const { installation } = await svc.installations.connect(
    {
      orgUid: session.orgUid,
      region: handoff.tokens.region,
      connectedBy,
      scopes: [...CONNECT_SCOPES],
      tokens: {
        accessToken: handoff.tokens.accessToken,
        refreshToken: handoff.tokens.refreshToken,
        accessTokenExpiresAt: handoff.tokens.expiresAt,
      },
    },
    { awaitingImport: true },
  );
  const actor = { type: "person" as const, ...connectedBy };
  await link.auditLog.append(session.orgUid, {
    kind: "installation-connected",
    actor,
    scopes: [...CONNECT_SCOPES],
  });

  if (!installation.awaitingImport) {
    // A reconnection: the import was accepted when it was first connected. The workers upsert its
    // schedulers again (a needs-reconnect organization may have lost them), then sync with the
    // new grant.
    const jobId = await installationChangedThenSync(
      link,
      session.orgUid,
      "reconnected",
      person.email,
    );
    return json(200, {
      reconnected: true,
      installation: installationView(installation),
      syncQueued: jobId,
    });
  }

  const imports = link.openImport();
  try {
    const plan = await imports.plan(session.orgUid);
    return json(200, {
      reconnected: false,
      installation: installationView(installation),
      import: importView(plan),
    });
  } catch (error) {
    return json(502, {
      error: "import-plan-failed",
      installation: installationView(installation),
      reasons: [
        `Connected, but the projects could not be read for the import plan: ${error instanceof Error ? error.message : String(error)}. Open the Overview again to retry; nothing is synced until the plan is accepted.`,
      ],
    });
  } finally {
    await imports.close();
  }
}
