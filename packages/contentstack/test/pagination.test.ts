// The pagination rules on their own: pages come from an in-memory list, so each damaged-page
// case can be produced exactly. The emulator suites prove the same rules over HTTP.
import { describe, expect, it } from "vitest";
import { InvalidResponseError } from "../src/index";
import { collectAllPages, type Page } from "../src/resources/pagination";

const items = Array.from({ length: 23 }, (_, index) => ({ uid: `u${index}` }));
const options = {
  pageSize: 5,
  operation: "GET /things",
  keyOf: (item: { uid: string }) => item.uid,
};

function pages(
  transform: (page: Page<{ uid: string }>, call: number, skip: number) => Page<{ uid: string }> = (
    page,
  ) => page,
) {
  let call = 0;
  const requests: number[] = [];
  const fetchPage = async (skip: number, limit: number) => {
    requests.push(skip);
    return transform({ items: items.slice(skip, skip + limit), count: items.length }, call++, skip);
  };
  return { fetchPage, requests };
}

describe("collectAllPages", () => {
  it("reads pages until count and no further", async () => {
    const { fetchPage, requests } = pages();
    expect(await collectAllPages(fetchPage, options)).toEqual(items);
    expect(requests).toEqual([0, 5, 10, 15, 20]);
  });

  it("re-reads the listing when a page comes back short, then succeeds", async () => {
    const { fetchPage, requests } = pages((page, call) =>
      call === 2 ? { ...page, items: page.items.slice(0, 2) } : page,
    );
    expect(await collectAllPages(fetchPage, options)).toHaveLength(23);
    expect(requests.slice(0, 4)).toEqual([0, 5, 10, 0]);
  });

  it("refuses a listing whose pages stay short while count says more", async () => {
    const { fetchPage } = pages((page, _call, skip) =>
      skip >= 10 ? { ...page, items: [] } : page,
    );
    await expect(collectAllPages(fetchPage, options)).rejects.toSatisfy(
      (error) =>
        error instanceof InvalidResponseError &&
        error.reason === "inconsistent" &&
        /implies 5/.test(error.message),
    );
  });

  it("refuses a count that changes between pages, and overlapping pages", async () => {
    const moving = pages((page, _call, skip) => (skip === 5 ? { ...page, count: 24 } : page));
    await expect(collectAllPages(moving.fetchPage, options)).rejects.toThrow(
      /count changed from 23 to 24/,
    );
    const overlapping = pages((page, _call, skip) =>
      skip === 5 ? { ...page, items: items.slice(4, 9) } : page,
    );
    await expect(collectAllPages(overlapping.fetchPage, options)).rejects.toThrow(
      /appeared on two pages/,
    );
  });

  it("returns an empty list only when count is 0", async () => {
    expect(await collectAllPages(async () => ({ items: [], count: 0 }), options)).toEqual([]);
    await expect(
      collectAllPages(async () => ({ items: [], count: 3 }), options),
    ).rejects.toBeInstanceOf(InvalidResponseError);
  });
});
