/** One audit-log item that names people whose membership changed. */
export interface AuditChangeItem {
  readonly uid: string;
  /** ISO 8601, as Contentstack wrote it. */
  readonly createdAt: string;
  /** Lower-cased emails of the people the item is about (may be empty). */
  readonly emails: readonly string[];
}

/** Reads an organization's audit-log items newer than the cursor's time, newest first or not. */
export type AuditChangeReader = (
  orgUid: string,
  since: { readonly createdAt: string; readonly uid: string } | null,
) => Promise<{ readonly items: readonly AuditChangeItem[]; readonly unreadable: number }>;
