// The authtoken header never follows a redirect: a CMA host answering 302 to another origin ends
// the call with RedirectRefusedError, and the other origin never sees a request.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { RedirectRefusedError, createContentstackClient, createRateLimiter } from "../src/index";

let redirecting: Server;
let elsewhere: Server;
const seenElsewhere: Array<Record<string, unknown>> = [];
const urlOf = (server: Server) => `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

beforeAll(async () => {
  elsewhere = createServer((request, response) => {
    seenElsewhere.push({ ...request.headers });
    response.end("{}");
  });
  await new Promise<void>((resolve) => elsewhere.listen(0, "127.0.0.1", resolve));
  redirecting = createServer((request, response) => {
    response.writeHead(302, { location: `${urlOf(elsewhere)}${request.url ?? "/"}` }).end();
  });
  await new Promise<void>((resolve) => redirecting.listen(0, "127.0.0.1", resolve));
});
afterAll(async () => {
  for (const server of [redirecting, elsewhere]) {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
});

describe("redirects", () => {
  it("are refused: the authtoken never reaches another origin", async () => {
    const client = createContentstackClient({
      overrides: { apiUrl: urlOf(redirecting) },
      organizationUid: "blt_org_acme",
      credentials: { kind: "authtoken", authtoken: "blt-session-secret" },
      limiter: createRateLimiter(),
      retry: { retries: 0 },
    });
    const error = await client.getOrganization().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(RedirectRefusedError);
    expect(error).toMatchObject({ code: "REDIRECT_REFUSED", api: "contentstack-cma" });
    expect(seenElsewhere).toEqual([]);
  });
});
