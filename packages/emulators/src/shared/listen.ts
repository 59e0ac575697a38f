import http from "node:http";

import type { FastifyInstance } from "fastify";

/**
 * Listens on 127.0.0.1 and, where the machine has IPv6, on ::1 with the same port (DESIGN §6:
 * every local server answers on both loopbacks, without being exposed on the network). Fastify's
 * own "localhost" binding is not enough: it follows /etc/hosts, which often maps localhost to
 * 127.0.0.1 only. Returns the port (useful when asked for port 0).
 */
export async function listenOnLoopback(app: FastifyInstance, port: number): Promise<number> {
  // The second socket hands its requests to the same Fastify handler. Its close hook has to be
  // registered before Fastify starts listening.
  const ipv6 = http.createServer((request, response) =>
    app.server.emit("request", request, response),
  );
  app.addHook("onClose", async () => {
    if (!ipv6.listening) return;
    ipv6.closeAllConnections();
    await new Promise<void>((resolve) => ipv6.close(() => resolve()));
  });

  await app.listen({ port, host: "127.0.0.1" });
  const address = app.server.address();
  if (!address || typeof address === "string") throw new Error("emulator did not report its port");
  await new Promise<void>((resolve) => {
    ipv6.once("error", () => resolve()); // no IPv6 loopback on this machine: IPv4 alone will do
    ipv6.listen({ port: address.port, host: "::1", ipv6Only: true }, () => resolve());
  });
  return address.port;
}
