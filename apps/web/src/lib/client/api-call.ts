/**
 * The one way a client component calls the app's route handlers: same-origin JSON, with the
 * session's CSRF token (from the shell's `<meta name="la-csrf">`) on every state-changing method.
 * The server checks Origin and the token again; this only carries them.
 */
export type ApiMethod = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

export interface ApiResult {
  readonly ok: boolean;
  readonly status: number;
  readonly data: Record<string, unknown>;
}

export function csrfToken(): string {
  return document.querySelector<HTMLMetaElement>('meta[name="la-csrf"]')?.content ?? "";
}

export async function apiCall(
  url: string,
  init: {
    method: ApiMethod;
    body?: unknown;
    signal?: AbortSignal;
    /** The version edited (`If-Match`): the server refuses a stale edit with 409. */
    ifMatch?: string;
  } = { method: "GET" },
): Promise<ApiResult> {
  const response = await fetch(url, {
    method: init.method,
    credentials: "same-origin",
    headers: {
      "content-type": "application/json",
      ...(init.method === "GET" ? {} : { "x-csrf-token": csrfToken() }),
      ...(init.ifMatch ? { "if-match": init.ifMatch } : {}),
    },
    ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
    ...(init.signal ? { signal: init.signal } : {}),
  });
  const data = (await response.json().catch(() => ({}))) as Record<string, unknown>;
  return { ok: response.ok, status: response.status, data };
}

/** The first reason a refusal gives (`{reasons: [...]}`), or the fallback. */
export function reasonOf(data: Record<string, unknown>, fallback: string): string {
  const reasons = data.reasons;
  return Array.isArray(reasons) && typeof reasons[0] === "string" ? reasons[0] : fallback;
}
