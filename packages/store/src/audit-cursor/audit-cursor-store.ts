import { checkInput, parseStored } from "../support/parse-record";
import { resolveStoreOptions, type StoreOptions } from "../support/store-options";
import {
  advanceAuditCursor,
  auditCursorSchema,
  type AuditCursor,
  type AuditItemRef,
} from "./audit-cursor";

/** The change-detection cursor per organization. */
export interface AuditCursorStore {
  /** The saved cursor, or `null` before the first poll. */
  get(orgUid: string): Promise<AuditCursor | null>;
  set(orgUid: string, cursor: AuditCursor): Promise<void>;
  /**
   * Reads the cursor and splits `items` into the unseen ones and the cursor to save after
   * processing them (see {@link advanceAuditCursor}). Saves nothing.
   */
  advance<T extends AuditItemRef>(
    orgUid: string,
    items: readonly T[],
  ): Promise<{ fresh: T[]; next: AuditCursor | null }>;
  /** Forgets the cursor (the next poll starts from the newest items again). */
  reset(orgUid: string): Promise<void>;
}

/** Creates the audit-cursor store. */
export function createAuditCursorStore(options: StoreOptions): AuditCursorStore {
  const { redis, clock, keys } = resolveStoreOptions(options);

  async function get(orgUid: string): Promise<AuditCursor | null> {
    const key = keys.auditCursor(orgUid);
    const raw = await redis.get(key);
    return raw === null ? null : parseStored(auditCursorSchema, raw, key);
  }

  return {
    get,
    async set(orgUid, cursor) {
      const checked = checkInput(auditCursorSchema, cursor, "audit cursor");
      await redis.set(keys.auditCursor(orgUid), JSON.stringify(checked));
    },
    async advance(orgUid, items) {
      return advanceAuditCursor(await get(orgUid), items, clock.now());
    },
    async reset(orgUid) {
      await redis.del(keys.auditCursor(orgUid));
    },
  };
}
