import { ApiError } from "./api-error";

/** The service answered with a redirect. Credential headers must never follow one to another host, so requests are sent with `redirect: "error"` and a redirect ends the call. */
export class RedirectRefusedError extends ApiError {
  static override readonly code = "REDIRECT_REFUSED";
  override readonly code = "REDIRECT_REFUSED";

  override get retryable(): boolean {
    return false;
  }
}
