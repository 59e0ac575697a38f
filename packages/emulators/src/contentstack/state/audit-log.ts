// The organization audit log (`GET /v3/organizations/{uid}/logs`). Items have the documented
// fields (api-notes C2; `@contentstack/management` types/stack/auditLog): what changed is carried
// in the logged `request` and `response` bodies of the API call, as the service logs it, so a
// reader parses the same bodies it would send and receive.
import { randomBytes, randomUUID } from "node:crypto";

/** Where a change came from: the HTTP call that made it (or the control API acting for someone). */
export interface AuditOrigin {
  request_id: string;
  remote_addr: string;
  /** When the call arrived, on the emulator's clock. @defaultValue the wall clock at write time */
  at?: Date;
}

export interface AuditEntry {
  uid: string;
  org_uid: string;
  created_at: string;
  created_by: string;
  module: "user" | "organization";
  event_type: string;
  request_id: string;
  metadata: Record<string, unknown>;
  remote_addr: string;
  request: Record<string, unknown>;
  response: Record<string, unknown>;
  /** Monotonic within the emulator, so entries written in the same millisecond keep their order. */
  sequence: number;
}

export type AuditInput = Pick<
  AuditEntry,
  "created_by" | "module" | "event_type" | "metadata" | "request" | "response"
>;

let sequence = 0;

/** An origin for changes that have no HTTP call of their own. */
export function localOrigin(): AuditOrigin {
  return { request_id: randomUUID(), remote_addr: "127.0.0.1" };
}

export function appendAudit(
  log: AuditEntry[],
  orgUid: string,
  entry: AuditInput,
  origin: AuditOrigin = localOrigin(),
  now: Date = origin.at ?? new Date(),
): AuditEntry {
  sequence += 1;
  // Bodies are copied: later changes to the membership must not rewrite history.
  const full: AuditEntry = {
    uid: `blt${randomBytes(8).toString("hex")}`,
    org_uid: orgUid,
    created_at: now.toISOString(),
    created_by: entry.created_by,
    module: entry.module,
    event_type: entry.event_type,
    request_id: origin.request_id,
    metadata: structuredClone(entry.metadata),
    remote_addr: origin.remote_addr,
    request: structuredClone(entry.request),
    response: structuredClone(entry.response),
    sequence,
  };
  log.push(full);
  return full;
}

/** Newest first, as the organization logs endpoint lists them. */
export function newestFirst(log: readonly AuditEntry[]): AuditEntry[] {
  return [...log].sort((a, b) => b.sequence - a.sequence);
}

/** The wire form: the internal ordering key is not part of the response. */
export function toWireAuditEntry(entry: AuditEntry): Omit<AuditEntry, "sequence"> {
  const { sequence: _sequence, ...wire } = entry;
  return wire;
}
