import type { Logger } from "pino";
import type { ContentstackEndpoints } from "../config/endpoints";
import { ApiError as ContentstackApiError } from "@lytics-access/http";
import { InvalidResponseError } from "@lytics-access/http";
import type { Transport } from "../http/request";
import { unwrapSdkError, type ManagementSdk } from "../sdk/management-sdk";

/** What every resource function needs; built once per client. */
export interface ResourceContext {
  readonly organizationUid: string;
  readonly endpoints: ContentstackEndpoints;
  readonly transport: Transport;
  readonly sdk: ManagementSdk;
  readonly logger: Logger;
  /** Items per listing request (CMA maximum 100). */
  readonly pageSize: number;
}

/** `{apiUrl}/v3/organizations/{uid}{suffix}`, the CMA organization paths the SDK lacks. */
export function organizationUrl(context: ResourceContext, suffix = ""): string {
  return `${context.endpoints.apiUrl}/v3/organizations/${encodeURIComponent(context.organizationUid)}${suffix}`;
}

/** Runs an SDK call and surfaces our typed error rather than the SDK's wrapper. */
export async function viaSdk<T>(operation: string, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    const unwrapped = unwrapSdkError(error);
    if (unwrapped instanceof ContentstackApiError || !(error instanceof Error)) throw unwrapped;
    // The SDK turned something unexpected into a plain Error (e.g. a body it could not read).
    throw new InvalidResponseError(
      `${operation} failed inside the Management SDK: ${error.message.slice(0, 200)}`,
      {
        reason: "schema",
        operation,
        cause: error,
      },
    );
  }
}
