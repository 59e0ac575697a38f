// The one adapter between this package and `@contentstack/management`. The SDK builds the paths,
// parameters and collection wrappers of the organization reads it covers (fetch, roles,
// getInvitations, getUser); every byte still travels through our Transport, so the SDK's own
// concurrency queue, retries, timeouts and credentials are switched off or unused.
import { createRequire } from "node:module";
import type { Logger } from "pino";
import { ApiError as ContentstackApiError } from "@lytics-access/http";
import type { HttpMethod, Transport } from "../http/request";

// Loaded through require: the SDK's shipped `.ts` type files do not compile under
// verbatimModuleSyntax, so we describe the few calls we make ourselves.
const require = createRequire(import.meta.url);
const contentstack = require("@contentstack/management") as {
  client(config: Record<string, unknown>): ManagementSdk;
};

/** A fetched SDK entity or collection: plain fields plus methods we never call. */
type SdkRecord = Record<string, unknown>;
export interface SdkCollection {
  readonly items?: readonly SdkRecord[];
  readonly count?: number;
}

/** The part of `@contentstack/management`'s client this package uses. */
export interface ManagementSdk {
  getUser(params?: Record<string, unknown>): Promise<SdkRecord>;
  organization(uid: string): {
    fetch(params?: Record<string, unknown>): Promise<SdkRecord>;
    roles(params?: Record<string, unknown>): Promise<SdkCollection>;
    getInvitations(params?: Record<string, unknown>): Promise<SdkCollection>;
    addUser(data: Record<string, unknown>): Promise<SdkCollection>;
  };
}

/** The subset of axios' request config the adapter reads. */
interface AdapterRequest {
  url?: string;
  baseURL?: string;
  method?: string;
  params?: Record<string, unknown>;
  data?: unknown;
}

/**
 * Routing options for the SDK. It takes a bare hostname (a scheme breaks its URL building, and a
 * `host:port` value fails with "Invalid URL"), so real hosts go in `host`; a plain-http emulator
 * on loopback goes in `endpoint` as `<origin>/v3`, which the SDK uses verbatim (api-notes Part B §3.4).
 */
export function managementSdkRouting(
  apiUrl: string,
): { host: string; port?: number } | { endpoint: string } {
  const url = new URL(apiUrl);
  if (url.protocol === "http:" || url.pathname !== "/") return { endpoint: `${apiUrl}/v3` };
  return url.port === "" ? { host: url.hostname } : { host: url.hostname, port: Number(url.port) };
}

function flatQuery(
  params: Record<string, unknown> | undefined,
): Record<string, string | number | boolean | undefined> {
  const out: Record<string, string | number | boolean | undefined> = {};
  for (const [name, value] of Object.entries(params ?? {})) {
    if (value === undefined || value === null) continue;
    out[name] =
      typeof value === "object" ? JSON.stringify(value) : (value as string | number | boolean);
  }
  return out;
}

/** Our transport, in the shape of an axios adapter. */
function transportAdapter(transport: Transport) {
  return async (config: AdapterRequest) => {
    const method = (config.method ?? "get").toUpperCase() as HttpMethod;
    const target = new URL(`${config.baseURL ?? ""}${config.url ?? ""}`);
    const body =
      typeof config.data === "string" && config.data !== ""
        ? (JSON.parse(config.data) as unknown)
        : config.data;
    try {
      const result = await transport.send({
        method,
        url: `${target.origin}${target.pathname}`,
        query: flatQuery({ ...Object.fromEntries(target.searchParams), ...config.params }),
        body: body ?? undefined,
        operation: `${method} ${target.pathname} (sdk)`,
      });
      const headers: Record<string, string> = {};
      result.headers.forEach((value, name) => (headers[name] = value));
      return {
        data: result.body ?? {},
        status: result.status,
        statusText: "",
        headers,
        config,
        request: {},
      };
    } catch (error) {
      // The SDK's error formatter passes errors without `response` through untouched, but its
      // queue wraps errors without `config`; carrying `config` keeps our typed error intact.
      if (error instanceof ContentstackApiError)
        Object.defineProperty(error, "config", { value: config, enumerable: false });
      throw error;
    }
  };
}

/** SDK entities carry methods next to the data; the wire schemas only need the data. */
export function sdkData(value: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(value).filter(([, field]) => typeof field !== "function"),
  );
}

/** Finds our typed error inside whatever the SDK rethrew. */
export function unwrapSdkError(error: unknown): unknown {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current && typeof current === "object"; depth++) {
    if (current instanceof ContentstackApiError) return current;
    current = (current as { originalError?: unknown }).originalError;
  }
  return error;
}

export function createManagementSdk(
  apiUrl: string,
  transport: Transport,
  logger: Logger,
): ManagementSdk {
  return contentstack.client({
    ...managementSdkRouting(apiUrl),
    adapter: transportAdapter(transport),
    retryOnError: false,
    retryOnNetworkFailure: false,
    retryOnHttpServerError: false,
    logHandler: (level: string, data: unknown) => {
      if (level === "error")
        logger.debug(
          { sdk: typeof data === "string" ? data : (data as Error)?.message },
          "management sdk",
        );
    },
  });
}
