import "server-only";

import { cookies } from "next/headers";
import { cache } from "react";

import { loadSession, type SessionState } from "./load-session";
import { SESSION_COOKIE } from "./session-cookie";
import { services } from "./services";

/** `requireSession()` for server pages and layouts: once per request (React `cache`). */
export const pageSession = cache(async (): Promise<SessionState> => {
  const jar = await cookies();
  return loadSession(services(), jar.get(SESSION_COOKIE)?.value);
});
