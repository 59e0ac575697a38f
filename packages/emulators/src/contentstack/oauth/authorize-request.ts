// Validation of `GET /apps/{app_uid}/authorize`. Two tiers, per RFC 6749 §4.1.2.1: a bad client
// or redirect URI is shown as an error page (redirecting would make us an open redirector); any
// other problem is sent back to the (now trusted) redirect URI as `?error=...`.
import { z } from "zod";

import type { World } from "../state/world";
import type { ValidatedAuthorizeRequest } from "./oauth-store";

const querySchema = z.object({
  response_type: z.string().optional(),
  client_id: z.string().min(1, "client_id is required"),
  redirect_uri: z.string().optional(),
  scope: z.string().optional(),
  state: z.string().optional(),
  code_challenge: z.string().optional(),
  code_challenge_method: z.string().optional(),
  organization_uid: z.string().optional(),
});

export type AuthorizeCheck =
  | { kind: "page-error"; status: number; message: string }
  | {
      kind: "redirect-error";
      redirectUri: string;
      error: string;
      description: string;
      state: string | null;
    }
  | { kind: "ok"; request: ValidatedAuthorizeRequest; organizationUid: string | null };

export function checkAuthorizeRequest(
  world: World,
  appUid: string,
  rawQuery: unknown,
): AuthorizeCheck {
  const app = world.apps.get(appUid);
  if (!app) return { kind: "page-error", status: 404, message: `There is no app ${appUid}.` };
  const parsed = querySchema.safeParse(rawQuery ?? {});
  if (!parsed.success) {
    return {
      kind: "page-error",
      status: 400,
      message: parsed.error.issues.map((issue) => issue.message).join("; "),
    };
  }
  const query = parsed.data;
  if (query.client_id !== app.client_id) {
    return {
      kind: "page-error",
      status: 400,
      message: "The client_id does not belong to this app.",
    };
  }
  if (query.redirect_uri !== undefined && !app.redirect_uris.includes(query.redirect_uri)) {
    return {
      kind: "page-error",
      status: 400,
      message: "The redirect_uri is not registered for this app.",
    };
  }
  const redirectUri = query.redirect_uri ?? app.redirect_uris[0];
  if (!redirectUri)
    return { kind: "page-error", status: 400, message: "The app has no redirect URI." };
  const state = query.state ?? null;
  const fail = (error: string, description: string): AuthorizeCheck => ({
    kind: "redirect-error",
    redirectUri,
    error,
    description,
    state,
  });

  if (query.response_type !== "code")
    return fail("unsupported_response_type", "response_type must be code.");
  const requested = (query.scope ?? "").split(" ").filter((scope) => scope.length > 0);
  // No scope asked: the app's whole configured set, as the app-token flow grants.
  const scopes = requested.length > 0 ? [...new Set(requested)] : [...app.scopes];
  const unknown = scopes.filter((scope) => !app.scopes.includes(scope));
  if (unknown.length > 0)
    return fail("invalid_scope", `Scopes not configured for this app: ${unknown.join(" ")}.`);

  let challenge: ValidatedAuthorizeRequest["challenge"] = null;
  if (query.code_challenge !== undefined) {
    const method = query.code_challenge_method ?? "plain";
    if (method !== "S256" && method !== "plain")
      return fail("invalid_request", "code_challenge_method must be S256 or plain.");
    if (!/^[A-Za-z0-9\-._~]{43,128}$/.test(query.code_challenge)) {
      return fail("invalid_request", "code_challenge must be 43-128 URL-safe characters.");
    }
    challenge = { value: query.code_challenge, method };
  } else if (query.code_challenge_method !== undefined) {
    return fail("invalid_request", "code_challenge_method given without code_challenge.");
  }

  return {
    kind: "ok",
    organizationUid: query.organization_uid ?? null,
    request: {
      appUid: app.app_uid,
      clientId: app.client_id,
      redirectUri,
      requestedRedirectUri: query.redirect_uri ?? null,
      scopes,
      state,
      challenge,
    },
  };
}

/** `redirect_uri` with the given parameters added (its own query is kept). */
export function redirectWith(redirectUri: string, params: Record<string, string | null>): string {
  const url = new URL(redirectUri);
  for (const [key, value] of Object.entries(params))
    if (value !== null) url.searchParams.set(key, value);
  return url.toString();
}
