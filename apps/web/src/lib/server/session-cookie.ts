/**
 * The session cookie. The app lives in a cross-site iframe where third-party cookies may be
 * blocked, so it is a partitioned (CHIPS) cookie: `__Host-` (no Domain, Path=/, Secure),
 * `SameSite=None` so the iframe's requests carry it, `Partitioned` so the browser keeps it under
 * the embedding site instead of dropping it, HttpOnly so scripts never see it
 * (browser-realism.md §2). Written by hand: the attribute order and `Partitioned` are the point,
 * and a test checks them byte for byte.
 */
export const SESSION_COOKIE = "__Host-la_session";

/** The popup's own first-party cookie naming its login attempt (top-level, so Lax is enough). */
export const LOGIN_COOKIE = "__Host-la_login";

export function sessionCookie(value: string, maxAgeSeconds: number): string {
  return `${SESSION_COOKIE}=${value}; Path=/; Max-Age=${maxAgeSeconds}; Secure; HttpOnly; SameSite=None; Partitioned`;
}

export function clearedSessionCookie(): string {
  return `${SESSION_COOKIE}=; Path=/; Max-Age=0; Secure; HttpOnly; SameSite=None; Partitioned`;
}

export function loginCookie(value: string, maxAgeSeconds: number): string {
  return `${LOGIN_COOKIE}=${value}; Path=/; Max-Age=${maxAgeSeconds}; Secure; HttpOnly; SameSite=Lax`;
}

export function clearedLoginCookie(): string {
  return `${LOGIN_COOKIE}=; Path=/; Max-Age=0; Secure; HttpOnly; SameSite=Lax`;
}

/** Reads one cookie from a Cookie header. */
export function readCookie(header: string | null, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(";")) {
    const index = part.indexOf("=");
    if (index < 0) continue;
    if (part.slice(0, index).trim() === name) return part.slice(index + 1).trim();
  }
  return undefined;
}
