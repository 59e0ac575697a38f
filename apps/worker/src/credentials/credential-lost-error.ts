/**
 * The organization's credential no longer works: the refresh was refused (`invalid_grant`: the
 * grant was revoked or the person left) or the APIs keep answering 401/403. The organization is
 * marked "needs reconnect"; retrying would only hammer the API.
 */
export class CredentialLostError extends Error {
  readonly code = "CREDENTIAL_LOST";
  constructor(
    readonly orgUid: string,
    readonly problem: "refresh-refused" | "unauthorized" | "no-tokens",
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = "CredentialLostError";
  }
}
