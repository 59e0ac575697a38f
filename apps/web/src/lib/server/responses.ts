import type { Decision } from "@lytics-access/permissions";

/** JSON answers of the route handlers, one shape for each refusal. */
export function json(status: number, body: unknown, headers: HeadersInit = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { "content-type": "application/json", "cache-control": "no-store", ...headers },
  });
}

export function refused(decision: Decision): Response {
  return json(403, { error: "forbidden", rule: decision.rule, reasons: decision.reasons });
}

export function badRequest(error: string, reasons: readonly string[]): Response {
  return json(400, { error, reasons });
}
