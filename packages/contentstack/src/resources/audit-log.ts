// The organization audit log (`GET /v3/organizations/{uid}/logs`, newest first, 25 per page by
// default). The Management SDK has no organization-log method, so it is plain HTTP. The sync polls
// it from a cursor to notice membership changes between full reconciles, because Contentstack
// sends no org-membership webhooks; resources/membership-changes.ts turns the items into changes.
import { InvalidResponseError } from "@lytics-access/http";
import { parseWire } from "../wire/parse-wire";
import { wireAuditLogPageSchema, type WireAuditLogItem } from "../wire/wire-audit-log";
import { organizationUrl, type ResourceContext } from "./context";

/** One documented audit log item, camel-cased; `request`/`response` are the logged bodies. */
export interface AuditLogEntry {
  readonly uid: string;
  readonly orgUid: string | null;
  readonly module: string;
  /** e.g. `share` (invite), `accept_share`, `role_change`, `unshare` (removal), `transfer_ownership`. */
  readonly eventType: string;
  /** As sent; see `createdAt` for the parsed instant. */
  readonly createdAtRaw: string;
  /** Null when the service sent a timestamp that does not parse. */
  readonly createdAt: Date | null;
  /** User uid of whoever acted, when known. */
  readonly createdBy: string | null;
  readonly requestId: string | null;
  readonly remoteAddr: string | null;
  readonly metadata: Readonly<Record<string, unknown>>;
  /** The logged request body of the API call. */
  readonly request: unknown;
  /** The logged response body of the API call. */
  readonly response: unknown;
}

export function toAuditLogEntry(wire: WireAuditLogItem): AuditLogEntry {
  const createdAt = new Date(wire.created_at);
  return {
    uid: wire.uid,
    orgUid: wire.org_uid ?? null,
    module: wire.module,
    eventType: wire.event_type,
    createdAtRaw: wire.created_at,
    createdAt: Number.isNaN(createdAt.getTime()) ? null : createdAt,
    createdBy: wire.created_by ?? null,
    requestId: wire.request_id ?? null,
    remoteAddr: wire.remote_addr ?? null,
    metadata: wire.metadata ?? {},
    request: wire.request,
    response: wire.response,
  };
}

export interface AuditLogQuery {
  /** Only entries created at or after this instant; reading stops at the first older one. */
  readonly since?: Date | undefined;
  /**
   * A cursor: the uid of the newest entry a previous read returned. Reading stops when it is
   * reached (it is not returned), so a poller sees each entry once.
   */
  readonly afterUid?: string | undefined;
  /** Stop after this many entries (newest first). @defaultValue no limit */
  readonly maxEntries?: number | undefined;
}

/**
 * Reads the audit log newest first, page by page, until `afterUid`, `since`, `maxEntries` or the
 * end. The end is `count` when the server sends it, otherwise a short page. Entries written while
 * reading push older ones down a page, so an entry seen twice is skipped, not returned twice.
 */
export async function listAuditLog(
  context: ResourceContext,
  query: AuditLogQuery = {},
): Promise<AuditLogEntry[]> {
  const operation = "GET /v3/organizations/{uid}/logs";
  const entries: AuditLogEntry[] = [];
  const seen = new Set<string>();
  const limit = context.pageSize;
  // Enough requests for any log that does not grow without end while we read it.
  let budget = 10_000;
  for (let skip = 0; budget > 0; budget--) {
    const result = await context.transport.send({
      method: "GET",
      url: organizationUrl(context, "/logs"),
      query: { skip, limit, include_count: true },
      operation,
    });
    const page = parseWire(wireAuditLogPageSchema, result.body, operation);
    if (page.logs.length > limit) {
      throw new InvalidResponseError(
        `${operation}: page at skip ${skip} holds ${page.logs.length} entries, more than limit ${limit}`,
        { reason: "inconsistent", operation },
      );
    }
    if (page.count !== undefined) {
      const expected = Math.min(limit, Math.max(0, page.count - skip));
      if (page.logs.length < expected) {
        throw new InvalidResponseError(
          `${operation}: page at skip ${skip} holds ${page.logs.length} entries where count ${page.count} implies ${expected}`,
          { reason: "inconsistent", operation },
        );
      }
    }
    for (const wire of page.logs) {
      if (wire.uid === query.afterUid) return entries;
      if (seen.has(wire.uid)) continue;
      seen.add(wire.uid);
      const entry = toAuditLogEntry(wire);
      if (query.since && entry.createdAt && entry.createdAt < query.since) return entries;
      entries.push(entry);
      if (query.maxEntries !== undefined && entries.length >= query.maxEntries) return entries;
    }
    skip += page.logs.length;
    const done = page.count !== undefined ? skip >= page.count : page.logs.length < limit;
    if (done || page.logs.length === 0) return entries;
  }
  throw new InvalidResponseError(`${operation}: the log did not end`, {
    reason: "inconsistent",
    operation,
  });
}
