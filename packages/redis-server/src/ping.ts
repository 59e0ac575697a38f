import net from "node:net";

/**
 * Sends one inline PING over a raw socket and resolves when Redis answers +PONG. A raw socket keeps
 * this package free of a Redis client, so it can start Redis for any client under test.
 */
export function ping(port: number, host = "127.0.0.1", timeoutMs = 1_000): Promise<void> {
  return new Promise((resolve, reject) => {
    const socket = net.connect({ port, host });
    let reply = "";
    const done = (error?: Error) => {
      socket.destroy();
      if (error) reject(error);
      else resolve();
    };
    socket.setTimeout(timeoutMs, () => done(new Error(`no answer to PING on ${host}:${port}`)));
    socket.once("error", done);
    socket.once("connect", () => socket.write("PING\r\n"));
    socket.on("data", (chunk) => {
      reply += chunk.toString("utf8");
      if (reply.includes("\r\n")) {
        done(
          reply.startsWith("+PONG")
            ? undefined
            : new Error(`unexpected PING reply: ${reply.trim()}`),
        );
      }
    });
  });
}
