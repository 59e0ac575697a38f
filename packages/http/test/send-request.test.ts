// The request function against local servers: redirect refused (the credential never reaches the
// other host), the size cap, the timeout, unsafe URLs, refused connections.
import { afterEach, describe, expect, it } from "vitest";
import {
  InsecureUrlError,
  NetworkError,
  RedirectRefusedError,
  ResponseTooLargeError,
  TimeoutError,
  sendRequest,
} from "../src/index";
import { startLocalServer, type LocalServer } from "./local-server";

const servers: LocalServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});
async function server(handler: Parameters<typeof startLocalServer>[0]) {
  const started = await startLocalServer(handler);
  servers.push(started);
  return started;
}
const call = (url: string, extra: Partial<Parameters<typeof sendRequest>[0]> = {}) =>
  sendRequest({
    method: "GET",
    url,
    headers: { authtoken: "secret-session" },
    timeoutMs: 5000,
    operation: "GET /thing",
    api: "contentstack-cma",
    ...extra,
  });

describe("sendRequest", () => {
  it("refuses a redirect to another origin; the credential never reaches it", async () => {
    const elsewhere = await server((_request, response) => response.end("{}"));
    const redirecting = await server((_request, response) => {
      response.writeHead(302, { location: `${elsewhere.url}/steal` }).end();
    });
    const error = await call(`${redirecting.url}/thing`).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(RedirectRefusedError);
    expect(error).toMatchObject({
      code: "REDIRECT_REFUSED",
      retryable: false,
      api: "contentstack-cma",
    });
    expect(elsewhere.seen).toEqual([]);
  });

  it("stops reading past the size cap, declared or streamed", async () => {
    const declared = await server((_request, response) => response.end("x".repeat(2048)));
    await expect(call(declared.url, { maxResponseBytes: 1024 })).rejects.toBeInstanceOf(
      ResponseTooLargeError,
    );
    // Chunked, no Content-Length: the stream is counted and cut.
    const streamed = await server((_request, response) => {
      response.writeHead(200, { "content-type": "application/json" });
      const chunk = "y".repeat(512);
      let sent = 0;
      const more = () => {
        if (sent++ > 100) return response.end();
        response.write(chunk, more);
      };
      more();
    });
    const error = await call(streamed.url, { maxResponseBytes: 1024 }).catch(
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(ResponseTooLargeError);
    expect(error).toMatchObject({ code: "RESPONSE_TOO_LARGE", limitBytes: 1024, status: 200 });
    expect(await call(declared.url, { maxResponseBytes: 4096 })).toMatchObject({ status: 200 });
  });

  it("ends a call that never answers with TimeoutError", async () => {
    const silent = await server(() => undefined);
    const error = await call(silent.url, { timeoutMs: 50 }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(TimeoutError);
    expect(error).toMatchObject({ code: "TIMEOUT", timeoutMs: 50, retryable: true });
  });

  it("refuses plain http off loopback before sending anything", async () => {
    await expect(call("http://example.com/x")).rejects.toBeInstanceOf(InsecureUrlError);
    await expect(call("ftp://127.0.0.1/x")).rejects.toBeInstanceOf(InsecureUrlError);
  });

  it("refuses a path with a dot segment, which would reach another route than the one named", async () => {
    // An id of ".." in `/projects/{uid}/collaborators/{id}` would turn a collaborator's removal
    // into `DELETE /projects/{uid}/`; encodeURIComponent leaves dots alone, and `%2e` is a dot to
    // the URL parser too.
    const target = await server((_request, response) => response.end("{}"));
    for (const path of [
      "/projects/p1/collaborators/..",
      "/projects/p1/collaborators/../",
      "/projects/p1/collaborators/.",
      "/projects/%2e%2e/x",
      "/projects/.%2E/x",
      "/projects/%2E./x",
      "/projects/%2e",
      "/projects/p1\\..",
      "/projects/p1/.\t.",
    ]) {
      const error = await call(`${target.url}${path}?a=..`).catch((caught: unknown) => caught);
      expect(error, path).toBeInstanceOf(InsecureUrlError);
      expect((error as Error).message, path).toContain("GET /thing");
    }
    expect(target.seen).toEqual([]);
    // Dots inside a segment are ordinary characters.
    await expect(call(`${target.url}/users/a..b/x.y?q=../..`)).resolves.toMatchObject({
      status: 200,
    });
  });

  it("reports a refused connection as such (nothing reached the service)", async () => {
    const gone = await server(() => undefined);
    await gone.close();
    servers.length = 0;
    const error = await call(gone.url).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(NetworkError);
    expect(error).toMatchObject({ connectionRefused: true, retryable: true });
  });
});
