// The signed `app-token` Contentstack appends to a signed UI location's URL (api-notes Part B
// §1.5): RS256, claims organization_uid, installation_uid, app_uid, user_uid; iss is the region's
// app host (here the emulator's public URL), aud the app uid.
import { SignJWT } from "jose";

import type { EmulatorContext } from "../context";
import { CmaError } from "../cma/cma-error";
import { activeMembership } from "../state/world";

export async function mintAppToken(
  ctx: EmulatorContext,
  orgUid: string,
  userUid: string,
): Promise<string> {
  const world = ctx.world;
  const app = world.apps.get(world.mountedAppUid);
  const org = world.organizations.get(orgUid);
  if (!app || !org) throw new CmaError("CMA_NOT_FOUND", "Unknown organization.");
  if (!activeMembership(org, userUid))
    throw new CmaError("CMA_FORBIDDEN", "The person is not a member of this organization.");
  const installation = app.installations.find((candidate) => candidate.organization_uid === orgUid);
  if (!installation)
    throw new CmaError("CMA_NOT_FOUND", "The app is not installed in this organization.");
  return new SignJWT({
    organization_uid: orgUid,
    installation_uid: installation.uid,
    app_uid: app.app_uid,
    user_uid: userUid,
  })
    .setProtectedHeader({ alg: "RS256", typ: "JWT" })
    .setIssuer(ctx.publicUrl)
    .setAudience(app.app_uid)
    .setIssuedAt(Math.floor(ctx.clock.now() / 1000))
    .setExpirationTime(Math.floor(ctx.clock.now() / 1000) + ctx.ttls.appTokenTtlSeconds)
    .sign(ctx.keys.privateKey);
}
