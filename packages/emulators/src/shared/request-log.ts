// Request logging for both emulators: method and path, never the query string. Authorization
// codes, states and tokens travel in queries (`?code=`, `?access_token=`), and a log line is read
// by more people than the request was meant for.
import type { FastifyRequest, FastifyServerOptions } from "fastify";

/** The path of a request target, without its query string or fragment. */
export function pathOnly(url: string): string {
  return url.split(/[?#]/, 1)[0] ?? "";
}

/** Fastify `logger` option: off, or pino at info with a request serializer that keeps paths only. */
export function requestLogOptions(enabled: boolean): FastifyServerOptions["logger"] {
  if (!enabled) return false;
  return {
    level: "info",
    serializers: {
      req: (request: FastifyRequest) => ({ method: request.method, path: pathOnly(request.url) }),
    },
  };
}
