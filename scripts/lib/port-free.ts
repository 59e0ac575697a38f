// A child server (the web app) reports a busy port only by exiting; checking first lets the
// launcher name the variable that moves it, as it does for the servers it runs itself.
import net from "node:net";

export function assertPortFree(port: number, variable: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once("error", (error: NodeJS.ErrnoException) =>
      reject(
        error.code === "EADDRINUSE"
          ? new Error(`port ${port} is in use; set ${variable} to another port`)
          : error,
      ),
    );
    probe.listen({ port, host: "::", ipv6Only: false }, () => probe.close(() => resolve()));
  });
}
