/** One audit-log item that names people whose membership changed. */
export interface AuditChangeItem {
  readonly uid: string;
  /** ISO 8601, as Contentstack wrote it. */
  readonly createdAt: string;
  /** Lower-cased emails of the people the item is about (may be empty). */
  readonly emails: readonly string[];
}

/**
 * Reads an organization's audit-log items from the cursor's time on (all of them, every page), in
 * any order; on the first poll (no cursor) only the newest item, to start the cursor from.
 */
export type AuditChangeReader = (
  orgUid: string,
  since: { readonly createdAt: string; readonly uid: string } | null,
) => Promise<{
  readonly items: readonly AuditChangeItem[];
  readonly unreadable: number;
  /** More items than one poll reads were newer than the cursor: the newest are in `items`. */
  readonly truncated?: boolean | undefined;
}>;
