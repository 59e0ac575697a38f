import { ContentstackApiError } from "./contentstack-api-error";

/** The connection failed or was dropped before a full response arrived. */
export class NetworkError extends ContentstackApiError {
  override readonly code = "NETWORK_ERROR";

  override get transient(): boolean {
    return true;
  }
}
