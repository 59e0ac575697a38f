import type { RegionId } from "@lytics-access/http";

/** Tokens from the OAuth token endpoint, reshaped (see `toOAuthTokens`). */
export interface OAuthTokens {
  readonly accessToken: string;
  readonly refreshToken: string | undefined;
  /** Epoch milliseconds. */
  readonly expiresAt: number;
  readonly tokenType: "bearer";
  readonly scopes: readonly string[];
  /** The region whose hosts these tokens work with. */
  readonly region: RegionId;
  readonly organizationUid: string | undefined;
  readonly userUid: string | undefined;
  /** `user` for user tokens, `app` for app tokens. */
  readonly authorizationType: string | undefined;
}
