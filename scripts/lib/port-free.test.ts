import net from "node:net";

import { describe, expect, it } from "vitest";

import { assertPortFree } from "./port-free";

describe("assertPortFree", () => {
  it("names the variable that moves a busy port, and passes a free one", async () => {
    const busy = net.createServer();
    await new Promise<void>((resolve) =>
      busy.listen({ port: 0, host: "::", ipv6Only: false }, resolve),
    );
    const port = (busy.address() as net.AddressInfo).port;
    try {
      await expect(assertPortFree(port, "WEB_PORT")).rejects.toThrow(
        `port ${port} is in use; set WEB_PORT to another port`,
      );
    } finally {
      await new Promise((resolve) => busy.close(resolve));
    }
    await expect(assertPortFree(port, "WEB_PORT")).resolves.toBeUndefined();
  });
});
