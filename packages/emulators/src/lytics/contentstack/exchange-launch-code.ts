// The server-to-server half of the launch: Lytics trades the authorization code Contentstack gave
// the browser for a user token (POST /apps-api/token, form-encoded, client secret + PKCE verifier).
import { z } from "zod";

import { ContentstackCallError } from "../errors/contentstack-call-error";

const tokenResponseSchema = z.object({
  access_token: z.string().min(1),
  refresh_token: z.string().optional(),
  expires_in: z.number().positive(),
  organization_uid: z.string().optional(),
  user_uid: z.string().optional(),
  location: z.string().optional(),
});

export type LaunchTokens = z.infer<typeof tokenResponseSchema>;

export interface CodeExchange {
  baseUrl: string;
  clientId: string;
  clientSecret: string;
  redirectUri: string;
  code: string;
  codeVerifier: string;
}

/** The tokens, or null when Contentstack refuses the code (expired, reused, wrong verifier). */
export async function exchangeLaunchCode(exchange: CodeExchange): Promise<LaunchTokens | null> {
  const form = new URLSearchParams({
    grant_type: "authorization_code",
    client_id: exchange.clientId,
    client_secret: exchange.clientSecret,
    redirect_uri: exchange.redirectUri,
    code: exchange.code,
    code_verifier: exchange.codeVerifier,
  });
  let response: Response;
  try {
    response = await fetch(new URL("/apps-api/token", exchange.baseUrl), {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", accept: "application/json" },
      body: form,
      signal: AbortSignal.timeout(10_000),
    });
  } catch (error) {
    throw new ContentstackCallError("POST /apps-api/token", "unreachable", { cause: error });
  }
  if (response.status >= 400 && response.status < 500) return null;
  if (!response.ok)
    throw new ContentstackCallError("POST /apps-api/token", `status ${response.status}`);
  const parsed = tokenResponseSchema.safeParse(await response.json().catch(() => undefined));
  if (!parsed.success)
    throw new ContentstackCallError(
      "POST /apps-api/token",
      `unexpected body: ${parsed.error.message}`,
    );
  return parsed.data;
}
