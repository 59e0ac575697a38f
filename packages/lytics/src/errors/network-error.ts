import { LyticsApiError, type LyticsApiErrorDetails } from "./lytics-api-error";

/**
 * The connection failed or was cut before an answer arrived (refused, reset, DNS). For a write
 * that is not safe to repeat, the change may or may not have been applied, unless the
 * connection was refused (`connectionRefused`), in which case nothing reached the service.
 */
export class NetworkError extends LyticsApiError {
  override readonly code = "LYTICS_NETWORK_ERROR";
  readonly connectionRefused: boolean;

  constructor(details: LyticsApiErrorDetails & { connectionRefused: boolean }) {
    super(details);
    this.name = "NetworkError";
    this.connectionRefused = details.connectionRefused;
  }
}
