/**
 * A base URL or request URL that would send credentials where they must not go: plain http to a
 * host that is not loopback, a URL carrying user info, a query or a fragment, or a request path
 * with a `.` or `..` segment (it would reach another route than the one named). Thrown before
 * anything is sent, so it is a configuration error, not an {@link ApiError}.
 */
export class InsecureUrlError extends Error {
  readonly code = "INSECURE_URL";

  constructor(message: string) {
    super(message);
    this.name = "InsecureUrlError";
  }
}
