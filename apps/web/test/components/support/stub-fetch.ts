import { cleanup } from "@testing-library/react";
import { afterEach, beforeEach, vi, type Mock } from "vitest";

/**
 * A component test file's `fetch`: one mock, stubbed in before each test together with the CSRF
 * meta tag the client's apiCall() sends back; after each test the rendered tree is unmounted, the
 * stub removed and the mock's calls and queued answers forgotten.
 */
export function stubFetchPerTest(csrfToken = "csrf-1"): Mock {
  const fetchMock = vi.fn();
  beforeEach(() => {
    vi.stubGlobal("fetch", fetchMock);
    document.head.innerHTML = `<meta name="la-csrf" content="${csrfToken}">`;
  });
  afterEach(() => {
    cleanup();
    vi.unstubAllGlobals();
    fetchMock.mockReset();
  });
  return fetchMock;
}

/** Queues the stubbed fetch's next answer: `body` as JSON, with `status`. */
export function answerOnce(fetchMock: Mock, status: number, body: unknown): void {
  fetchMock.mockResolvedValueOnce(new Response(JSON.stringify(body), { status }));
}
