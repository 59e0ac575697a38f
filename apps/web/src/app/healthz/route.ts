export const dynamic = "force-dynamic";

/** Liveness for the launcher and load balancers: the process answers; no dependency is checked. */
export function GET(): Response {
  return new Response("ok", {
    headers: { "content-type": "text/plain", "cache-control": "no-store" },
  });
}
