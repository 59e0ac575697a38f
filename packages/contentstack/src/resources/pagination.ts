import { InvalidResponseError } from "@lytics-access/http";

export interface Page<T> {
  readonly items: readonly T[];
  /** The total the server reported with `include_count=true`. */
  readonly count: number;
}

export interface CollectOptions<T> {
  /** Items per request; the CMA caps `limit` at 100. */
  readonly pageSize: number;
  readonly operation: string;
  /** Identity of an item, to catch pages that overlap because the list moved under us. */
  readonly keyOf: (item: T) => string;
  /** Fresh passes allowed when pages contradict each other. @defaultValue 2 */
  readonly maxRestarts?: number;
  readonly onRestart?: (why: string) => void;
}

class ListingMoved extends Error {}

/**
 * Reads every page of a skip/limit listing. It stops on `count`, never on a short page: a page
 * that is empty or short while `count` says more, a `count` that changes between pages, or an
 * item seen twice means the list changed or the answer was damaged, so the whole listing is read
 * again from the start (a few times) and then refused with InvalidResponseError.
 */
export async function collectAllPages<T>(
  fetchPage: (skip: number, limit: number) => Promise<Page<T>>,
  options: CollectOptions<T>,
): Promise<T[]> {
  const maxRestarts = options.maxRestarts ?? 2;
  let lastProblem = "";
  for (let pass = 0; pass <= maxRestarts; pass++) {
    try {
      return await onePass(fetchPage, options);
    } catch (error) {
      if (!(error instanceof ListingMoved)) throw error;
      lastProblem = error.message;
      if (pass < maxRestarts) options.onRestart?.(lastProblem);
    }
  }
  throw new InvalidResponseError(
    `${options.operation}: pages stayed inconsistent after ${maxRestarts + 1} passes (${lastProblem}); refusing a partial list`,
    { reason: "inconsistent", operation: options.operation },
  );
}

async function onePass<T>(
  fetchPage: (skip: number, limit: number) => Promise<Page<T>>,
  options: CollectOptions<T>,
): Promise<T[]> {
  const first = await fetchPage(0, options.pageSize);
  const count = first.count;
  const items: T[] = [];
  const seen = new Set<string>();
  const take = (page: Page<T>) => {
    for (const item of page.items) {
      const key = options.keyOf(item);
      if (seen.has(key)) throw new ListingMoved(`item ${key} appeared on two pages`);
      seen.add(key);
      items.push(item);
    }
  };
  checkPage(first, 0, count, options.pageSize);
  take(first);
  // Enough pages for `count`, plus slack; a server that never reaches `count` must not loop forever.
  const maxPages = Math.ceil(count / options.pageSize) + 2;
  for (let pages = 1; items.length < count; pages++) {
    if (pages > maxPages)
      throw new ListingMoved(`still short of count ${count} after ${pages} pages`);
    const page = await fetchPage(items.length, options.pageSize);
    if (page.count !== count)
      throw new ListingMoved(`count changed from ${count} to ${page.count} between pages`);
    checkPage(page, items.length, count, options.pageSize);
    take(page);
  }
  if (items.length > count)
    throw new ListingMoved(`got ${items.length} items but count says ${count}`);
  return items;
}

function checkPage<T>(page: Page<T>, skip: number, count: number, pageSize: number): void {
  if (page.items.length > pageSize)
    throw new ListingMoved(
      `page at skip ${skip} holds ${page.items.length} items, more than limit ${pageSize}`,
    );
  const expected = Math.min(pageSize, Math.max(0, count - skip));
  if (page.items.length < expected) {
    throw new ListingMoved(
      `page at skip ${skip} holds ${page.items.length} items where count ${count} implies ${expected}`,
    );
  }
}
