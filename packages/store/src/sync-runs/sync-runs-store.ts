import { checkInput, parseStored } from "../support/parse-record";
import { resolveStoreOptions, type StoreOptions } from "../support/store-options";
import { syncRunSchema, type SyncRun } from "./sync-run";

/** Runs kept per organization: enough for a status page and a trend, bounded in memory. */
export const DEFAULT_RUN_HISTORY_LIMIT = 200;

/** Options of {@link createSyncRunsStore}. */
export interface SyncRunsStoreOptions extends StoreOptions {
  /** @defaultValue {@link DEFAULT_RUN_HISTORY_LIMIT} */
  readonly historyLimit?: number;
}

/** Run history per organization, newest first. */
export interface SyncRunsStore {
  /** Records a finished run; the oldest beyond the limit drop off. */
  record(orgUid: string, run: SyncRun): Promise<void>;
  /** The newest runs first. */
  list(orgUid: string, options?: { limit?: number }): Promise<SyncRun[]>;
  /** The newest run, or `null`. */
  latest(orgUid: string): Promise<SyncRun | null>;
}

/** Creates the sync-runs store. */
export function createSyncRunsStore(options: SyncRunsStoreOptions): SyncRunsStore {
  const { redis, keys } = resolveStoreOptions(options);
  const cap = options.historyLimit ?? DEFAULT_RUN_HISTORY_LIMIT;

  async function list(orgUid: string, listOptions: { limit?: number } = {}): Promise<SyncRun[]> {
    const key = keys.runs(orgUid);
    const limit = Math.max(1, Math.min(listOptions.limit ?? cap, cap));
    const raws = await redis.lrange(key, 0, limit - 1);
    return raws.map((raw, index) => parseStored(syncRunSchema, raw, `${key}[${index}]`));
  }

  return {
    async record(orgUid, run) {
      const checked = checkInput(syncRunSchema, run, "sync run");
      const key = keys.runs(orgUid);
      await redis
        .multi()
        .lpush(key, JSON.stringify(checked))
        .ltrim(key, 0, cap - 1)
        .exec();
    },
    list,
    async latest(orgUid) {
      return (await list(orgUid, { limit: 1 }))[0] ?? null;
    },
  };
}
