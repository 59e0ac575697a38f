// Answers the emulator cannot be made to give: a 2xx whose JSON has the wrong shape, or an
// undocumented status. A bare node:http server stands in for a misbehaving service; the point is
// the client's validation, not Lytics behaviour, so this is not a mock of the emulator's API.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { InvalidResponseError } from "../src/index";
import { ACME_WEB, userClient } from "./support/emulator";

let server: Server;
let url: string;
let next: { status: number; body: string } = { status: 200, body: "{}" };

beforeAll(async () => {
  server = createServer((_request, response) => {
    response.writeHead(next.status, { "content-type": "application/json" });
    response.end(next.body);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe("response validation", () => {
  it("refuses a list whose entries lack required fields, naming the field", async () => {
    next = {
      status: 200,
      body: JSON.stringify({ data: [{ id: "u1", email: "a@b.test" }, { email: 5 }], status: 200 }),
    };
    const error = await userClient(url)
      .listUsers()
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(InvalidResponseError);
    expect(error).toMatchObject({ reason: "schema" });
    expect((error as Error).message).toMatch(/data\.1\.(id|email)/);
  });

  it("refuses a success status the endpoint does not document", async () => {
    next = { status: 202, body: JSON.stringify({ data: [], status: 202 }) };
    await expect(userClient(url).listUsers()).rejects.toMatchObject({
      reason: "unexpected-status",
      status: 202,
    });
  });

  it("refuses an account answer for another account", async () => {
    next = {
      status: 200,
      body: JSON.stringify({ data: { aid: 42, roles_available: [] }, status: 200 }),
    };
    await expect(userClient(url, ACME_WEB).getRolesAvailable()).rejects.toMatchObject({
      code: "INVALID_RESPONSE",
      message: expect.stringContaining("asked for account 1001, got account 42"),
    });
  });

  it("maps an error status with a non-JSON body by its status", async () => {
    next = { status: 403, body: "<html>denied</html>" };
    await expect(userClient(url).listUsers()).rejects.toMatchObject({
      code: "FORBIDDEN",
      status: 403,
    });
  });
});
