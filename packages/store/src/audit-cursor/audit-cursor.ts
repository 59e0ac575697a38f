import { z } from "zod";

/** Uids remembered at the newest timestamp; more than this many items in one millisecond is not expected. */
export const RECENT_UIDS_LIMIT = 200;

/**
 * Where change detection stopped reading an organization's Contentstack audit log. Items are
 * ordered by `created_at`, and several can share one timestamp, so the cursor keeps every uid
 * seen at the newest timestamp: an item at that same time that arrives later is still new.
 */
export interface AuditCursor {
  readonly lastUid: string;
  /** The newest `created_at` seen, as Contentstack wrote it (ISO 8601). */
  readonly lastCreatedAt: string;
  /** Uids already seen whose `created_at` equals `lastCreatedAt`. */
  readonly recentUids: readonly string[];
  /** Epoch ms of the save. */
  readonly updatedAt: number;
}

export const auditCursorSchema = z.strictObject({
  lastUid: z.string().min(1),
  lastCreatedAt: z.iso.datetime({ offset: true }),
  recentUids: z.array(z.string().min(1)).max(RECENT_UIDS_LIMIT),
  updatedAt: z.number().int(),
});

/** An audit-log item as change detection sees it. */
export interface AuditItemRef {
  readonly uid: string;
  /** ISO 8601. */
  readonly createdAt: string;
}

/**
 * Splits a batch of audit-log items into the ones not seen yet and the cursor after them. Pure:
 * the caller processes `fresh`, then saves `next`, so a crash in between re-reads the batch
 * (targeted syncs are idempotent) rather than skipping it.
 *
 * @param cursor - the saved cursor, or `null` on the first poll
 * @param items - the items read, in any order
 * @param now - epoch ms for `updatedAt`
 */
export function advanceAuditCursor<T extends AuditItemRef>(
  cursor: AuditCursor | null,
  items: readonly T[],
  now: number,
): { fresh: T[]; next: AuditCursor | null } {
  const lastMs = cursor ? Date.parse(cursor.lastCreatedAt) : Number.NEGATIVE_INFINITY;
  const recent = new Set(cursor?.recentUids ?? []);
  const seenNow = new Set<string>();
  const fresh = items
    .filter((item) => {
      const ms = Date.parse(item.createdAt);
      const isNew = ms > lastMs || (ms === lastMs && !recent.has(item.uid));
      if (!isNew || seenNow.has(item.uid)) return false;
      seenNow.add(item.uid);
      return true;
    })
    .sort(
      (a, b) => Date.parse(a.createdAt) - Date.parse(b.createdAt) || a.uid.localeCompare(b.uid),
    );

  const newest = fresh.at(-1);
  if (!newest) return { fresh, next: cursor };
  const newestMs = Date.parse(newest.createdAt);
  const atNewest = fresh
    .filter((item) => Date.parse(item.createdAt) === newestMs)
    .map((item) => item.uid);
  // Same newest time as before: the old uids at that time are still "seen".
  const carried = newestMs === lastMs ? [...recent] : [];
  return {
    fresh,
    next: {
      lastUid: newest.uid,
      lastCreatedAt: newest.createdAt,
      recentUids: [...new Set([...carried, ...atNewest])].slice(-RECENT_UIDS_LIMIT),
      updatedAt: now,
    },
  };
}
