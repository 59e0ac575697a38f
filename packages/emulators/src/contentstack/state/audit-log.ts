import { randomBytes } from "node:crypto";

/** Emulator-defined audit entry (docs/contentstack-shapes.md "Audit log"). */
export interface AuditEntry {
  uid: string;
  module: "user";
  event_type: "share" | "accept_share" | "role_change" | "unshare";
  created_at: string;
  created_by: string;
  metadata: {
    email: string;
    user_uid: string | null;
    share_uid: string;
    org_roles: string[];
    previous_org_roles?: string[];
  };
  /** Monotonic within the emulator, so entries written in the same millisecond keep their order. */
  sequence: number;
}

let sequence = 0;

export function appendAudit(
  log: AuditEntry[],
  entry: Omit<AuditEntry, "uid" | "module" | "created_at" | "sequence">,
  now: Date = new Date(),
): AuditEntry {
  sequence += 1;
  const full: AuditEntry = {
    uid: `blt_log_${randomBytes(8).toString("hex")}`,
    module: "user",
    created_at: now.toISOString(),
    sequence,
    ...entry,
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
