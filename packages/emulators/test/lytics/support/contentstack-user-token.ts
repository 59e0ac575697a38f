// A Contentstack OAuth user token obtained the way a browser would: sign in at the host shell,
// authorize our app (consenting when asked), and trade the code with PKCE. Plain fetch, one cookie jar.
import { createHash, randomBytes } from "node:crypto";

import { loadFixture } from "../../../src/fixtures/load-fixture";

const APP = loadFixture().app;

export async function contentstackUserToken(
  csUrl: string,
  userUid: string,
  organizationUid: string,
): Promise<string> {
  const jar = new Map<string, string>();
  const request = async (path: string, form?: Record<string, string>): Promise<Response> => {
    const headers: Record<string, string> = {};
    if (jar.size > 0)
      headers.cookie = [...jar].map(([name, value]) => `${name}=${value}`).join("; ");
    if (form) headers["content-type"] = "application/x-www-form-urlencoded";
    const response = await fetch(new URL(path, csUrl), {
      method: form ? "POST" : "GET",
      headers,
      redirect: "manual",
      body: form ? new URLSearchParams(form).toString() : undefined,
    });
    for (const line of response.headers.getSetCookie()) {
      const [pair = ""] = line.split(";");
      const [name = "", ...value] = pair.split("=");
      jar.set(name.trim(), value.join("="));
    }
    return response;
  };

  await request("/login", { user_uid: userUid, return_to: "/" });
  const verifier = randomBytes(32).toString("base64url");
  const redirectUri = APP.redirect_uris[0] ?? "";
  const query = new URLSearchParams({
    response_type: "code",
    client_id: APP.client_id,
    redirect_uri: redirectUri,
    scope: "user:read lytics:manage",
    state: "s",
    code_challenge: createHash("sha256").update(verifier).digest("base64url"),
    code_challenge_method: "S256",
    organization_uid: organizationUid,
  });
  let response = await request(`/apps/${APP.app_uid}/authorize?${query.toString()}`);
  if (response.status === 200) {
    const consentId = /name="consent_id" value="([^"]+)"/.exec(await response.text())?.[1] ?? "";
    response = await request(`/apps/${APP.app_uid}/authorize`, {
      consent_id: consentId,
      decision: "accept",
    });
  }
  const code = new URL(response.headers.get("location") ?? "http://invalid").searchParams.get(
    "code",
  );
  if (!code) throw new Error(`no authorization code for ${userUid}: ${response.status}`);
  const token = await fetch(new URL("/apps-api/token", csUrl), {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({
      grant_type: "authorization_code",
      client_id: APP.client_id,
      // The app has a secret, so it is a confidential client: PKCE does not replace the secret.
      client_secret: APP.client_secret,
      redirect_uri: redirectUri,
      code,
      code_verifier: verifier,
    }),
  });
  const body = (await token.json()) as { access_token?: string };
  if (!body.access_token) throw new Error(`token exchange failed for ${userUid}: ${token.status}`);
  return body.access_token;
}
