import type { FastifyInstance } from "fastify";

/**
 * Listens on every loopback address ("localhost" makes Fastify bind 127.0.0.1 and ::1), so the
 * host shell at 127.0.0.1 and an app at localhost reach each other as they would in production,
 * without exposing an emulator on the network. Returns the port (useful when asked for port 0).
 */
export async function listenOnLoopback(app: FastifyInstance, port: number): Promise<number> {
  await app.listen({ port, host: "localhost" });
  const address = app.server.address();
  if (!address || typeof address === "string") throw new Error("emulator did not report its port");
  return address.port;
}
