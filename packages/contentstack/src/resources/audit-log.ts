// The organization audit log (`GET /v3/organizations/{uid}/logs`, newest first). The Management
// SDK has no method for it, so it is plain HTTP. The sync reads it to notice membership changes
// between full reconciles, because Contentstack sends no org-membership webhooks.
import { InvalidResponseError } from "../errors/invalid-response-error";
import { parseWire } from "../wire/parse-wire";
import { wireAuditLogPageSchema, type WireAuditLogItem } from "../wire/wire-audit-log";
import { organizationUrl, type ResourceContext } from "./context";

export interface AuditLogEntry {
  readonly uid: string;
  readonly module: string;
  /** e.g. `share` (invite), `role_change`, `unshare` (removal). */
  readonly eventType: string;
  readonly createdAt: Date;
  /** User uid of whoever acted, when known. */
  readonly createdBy: string | null;
  /** The email the event is about, when the entry names one. */
  readonly email: string | null;
  readonly metadata: Readonly<Record<string, unknown>>;
}

export function toAuditLogEntry(wire: WireAuditLogItem): AuditLogEntry {
  const createdAt = new Date(wire.created_at);
  if (Number.isNaN(createdAt.getTime())) {
    throw new InvalidResponseError(`audit log entry ${wire.uid} has an unreadable created_at`, {
      reason: "schema",
    });
  }
  const metadata = wire.metadata ?? {};
  return {
    uid: wire.uid,
    module: wire.module,
    eventType: wire.event_type,
    createdAt,
    createdBy: wire.created_by ?? null,
    email: typeof metadata.email === "string" ? metadata.email.toLowerCase() : null,
    metadata,
  };
}

export interface AuditLogQuery {
  /** Only entries created at or after this instant; reading stops at the first older page. */
  readonly since?: Date | undefined;
}

/** Reads the audit log newest first, page by page, until `since` or the end (`count`). */
export async function listAuditLog(
  context: ResourceContext,
  query: AuditLogQuery = {},
): Promise<AuditLogEntry[]> {
  const operation = "GET /v3/organizations/{uid}/logs";
  const entries: AuditLogEntry[] = [];
  let count: number | undefined;
  for (let skip = 0; count === undefined || skip < count;) {
    const result = await context.transport.send({
      method: "GET",
      url: organizationUrl(context, "/logs"),
      query: { skip, limit: context.pageSize, include_count: true },
      operation,
    });
    const page = parseWire(wireAuditLogPageSchema, result.body, operation);
    if (count !== undefined && page.count < skip) {
      throw new InvalidResponseError(
        `${operation}: count fell to ${page.count} while reading at ${skip}`,
        { reason: "inconsistent", operation },
      );
    }
    count = page.count;
    const expected = Math.min(context.pageSize, Math.max(0, count - skip));
    if (page.logs.length < expected) {
      throw new InvalidResponseError(
        `${operation}: page at skip ${skip} holds ${page.logs.length} entries where count ${count} implies ${expected}`,
        {
          reason: "inconsistent",
          operation,
        },
      );
    }
    const reshaped = page.logs.map(toAuditLogEntry);
    for (const entry of reshaped) {
      if (query.since && entry.createdAt < query.since) return entries;
      entries.push(entry);
    }
    if (page.logs.length === 0) break;
    skip += page.logs.length;
  }
  return entries;
}
