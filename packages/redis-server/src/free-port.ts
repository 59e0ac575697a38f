import net from "node:net";

/**
 * Asks the kernel for a free TCP port on the loopback interface. The port is released before it is
 * returned, so a caller that binds it later can still lose a race: callers retry on EADDRINUSE.
 */
export async function findFreePort(host = "127.0.0.1"): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.once("error", reject);
    server.listen({ port: 0, host }, () => {
      const address = server.address();
      server.close(() => {
        if (address && typeof address === "object") resolve(address.port);
        else reject(new Error("could not read the port the kernel gave us"));
      });
    });
  });
}
