/** Why a signed app token was refused. */
export type AppTokenFailure =
  | "malformed"
  /** Signed with another algorithm than RS256 (`none`, HS256 keyed with the public key, PS256…). */
  | "algorithm"
  | "signature"
  | "expired"
  | "not_yet_valid"
  /** Valid for longer than a signed app token lives (`exp - iat`, or `exp` from now). */
  | "lifetime"
  | "issuer"
  | "audience"
  | "claims"
  | "key_unavailable";

/**
 * A signed app token (the `app-token` query parameter of a signed UI location) failed
 * verification. The message names the failed check but never echoes the token.
 */
export class AppTokenError extends Error {
  readonly code = "APP_TOKEN_INVALID";
  readonly failure: AppTokenFailure;

  constructor(message: string, failure: AppTokenFailure, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "AppTokenError";
    this.failure = failure;
  }
}
