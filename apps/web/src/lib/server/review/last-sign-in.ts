import "server-only";

import type { Services } from "../services";

const SCAN_LIMIT = 20_000;

/**
 * When each person of the organization last opened the app, as far as the sessions store knows:
 * sessions live until they idle out, so this sees only recent ones; anyone else is "unknown"
 * (Contentstack does not tell apps when a person last signed in). Session keys sit under
 * `{global}` and name a digest of the session id, so the records are read, never the ids.
 */
export async function lastSignIns(svc: Services, orgUid: string): Promise<Map<string, number>> {
  const latest = new Map<string, number>();
  const pattern = `${svc.env.STORE_KEY_PREFIX}:{global}:session:*`;
  let cursor = "0";
  let seen = 0;
  do {
    const [next, keys] = await svc.redis.scan(cursor, "MATCH", pattern, "COUNT", 1000);
    cursor = next;
    const records = keys.filter((key) => !key.endsWith(":refresh-lock"));
    seen += records.length;
    if (records.length === 0) continue;
    for (const raw of await svc.redis.mget(...records)) {
      if (raw === null) continue;
      try {
        const record = JSON.parse(raw) as {
          orgUid?: unknown;
          userUid?: unknown;
          createdAt?: unknown;
        };
        if (record.orgUid !== orgUid || typeof record.userUid !== "string") continue;
        if (typeof record.createdAt !== "number") continue;
        const before = latest.get(record.userUid) ?? 0;
        if (record.createdAt > before) latest.set(record.userUid, record.createdAt);
      } catch {
        // Not a session record; nothing to learn from it.
      }
    }
  } while (cursor !== "0" && seen < SCAN_LIMIT);
  return latest;
}
