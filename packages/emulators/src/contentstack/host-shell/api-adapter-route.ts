// The server side of the App SDK's `apiAdapter`: the host page forwards the app's axios config
// here, and the call runs against this emulator's CMA with the signed-in person's session, as
// the real host calls the CMA on the app's behalf. Only `/v3/...` paths are served: the URL's
// host is ignored, so this cannot be turned into a proxy to elsewhere.
import type { FastifyInstance } from "fastify";
import { z } from "zod";

import type { EmulatorContext } from "../context";
import { sessionToken } from "./session-cookie";

const adapterBodySchema = z.object({
  organization_uid: z.string().min(1),
  request: z.object({
    baseURL: z.string().optional(),
    url: z.string().default(""),
    method: z.string().default("get"),
    params: z.record(z.string(), z.unknown()).nullish(),
    data: z.unknown().optional(),
  }),
});

const STATUS_TEXT: Record<number, string> = {
  200: "OK",
  201: "Created",
  204: "No Content",
  400: "Bad Request",
  401: "Unauthorized",
  403: "Forbidden",
  404: "Not Found",
  422: "Unprocessable Entity",
  429: "Too Many Requests",
};

/** axios' rule: an absolute `url` wins, otherwise it is appended to `baseURL`. */
export function buildAdapterPath(request: z.infer<typeof adapterBodySchema>["request"]): string {
  const joined = /^https?:\/\//i.test(request.url)
    ? request.url
    : `${(request.baseURL ?? "").replace(/\/+$/, "")}/${request.url.replace(/^\/+/, "")}`;
  const url = new URL(joined, "http://cma.invalid");
  for (const [key, value] of Object.entries(request.params ?? {})) {
    if (value === undefined || value === null) continue;
    if (Array.isArray(value))
      for (const item of value) url.searchParams.append(`${key}[]`, String(item));
    else
      url.searchParams.set(key, typeof value === "object" ? JSON.stringify(value) : String(value));
  }
  return url.pathname + url.search;
}

export function registerApiAdapterRoute(app: FastifyInstance, ctx: EmulatorContext): void {
  app.post("/host-shell/api-adapter", async (request, reply) => {
    // The custom header cannot be sent cross-site without a CORS preflight we never answer.
    if (request.headers["x-host-shell"] !== "1")
      return reply.code(403).send({ error: "host shell only" });
    const token = sessionToken(request);
    const parsed = adapterBodySchema.safeParse(request.body);
    if (!parsed.success)
      return reply.code(400).send({
        status: 400,
        statusText: "Bad Request",
        headers: {},
        data: { error_message: parsed.error.message },
      });
    const path = buildAdapterPath(parsed.data.request);
    if (!path.startsWith("/v3/") || !token) {
      const status = token ? 404 : 401;
      return {
        status,
        statusText: STATUS_TEXT[status],
        headers: {},
        data: {
          error_message: token ? "Only CMA /v3 paths are available." : "Not signed in.",
          error_code: token ? 344 : 105,
          errors: {},
        },
      };
    }
    let body = parsed.data.request.data;
    if (typeof body === "string") {
      try {
        body = JSON.parse(body);
      } catch {
        // Not JSON: pass it on as sent.
      }
    }
    const result = await ctx.injectCma({
      method: parsed.data.request.method.toUpperCase(),
      path,
      authtoken: token,
      orgUid: parsed.data.organization_uid,
      body,
    });
    return {
      status: result.status,
      statusText: STATUS_TEXT[result.status] ?? "",
      headers: result.headers,
      data: result.body,
    };
  });
}
