import { regionFromLocation, type RegionId } from "@lytics-access/http";
import type { WireTokenResponse } from "../wire/wire-oauth";
import type { OAuthTokens } from "./oauth-tokens";

/**
 * Reshapes a token response. The region comes from the response's `location` when it names one,
 * else from the region the request went to, so tokens never travel to another region's hosts.
 */
export function toOAuthTokens(
  wire: WireTokenResponse,
  requestRegion: RegionId,
  now: number = Date.now(),
): OAuthTokens {
  let region = requestRegion;
  if (wire.location) {
    try {
      region = regionFromLocation(wire.location);
    } catch {
      region = requestRegion;
    }
  }
  return {
    accessToken: wire.access_token,
    refreshToken: wire.refresh_token,
    expiresAt: now + wire.expires_in * 1000,
    tokenType: "bearer",
    scopes: (wire.scope ?? "").split(" ").filter((scope) => scope !== ""),
    region,
    organizationUid: wire.organization_uid,
    userUid: wire.user_uid,
    authorizationType: wire.authorization_type,
  };
}
