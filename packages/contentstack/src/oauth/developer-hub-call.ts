import { sendRequest } from "@lytics-access/http";
import { OAuthError } from "../errors/oauth-error";

/**
 * One call to Developer Hub's authorization endpoints (revocation). 401 and 404 come back as
 * values, not errors: both mean there is nothing left to revoke, which is what logout wants.
 */
export async function developerHubCall(
  url: string,
  method: "GET" | "DELETE",
  headers: Record<string, string>,
  timeoutMs: number,
) {
  const operation = `${method} ${new URL(url).pathname.replace(/authorizations\/[^/]+$/, "authorizations/{id}")}`;
  let response: { status: number; text: string };
  let text: string;
  try {
    // Through the HTTP core: the bearer token never follows a redirect, and the body is capped.
    response = await sendRequest({
      method,
      url,
      headers,
      timeoutMs,
      api: "contentstack-developer-hub",
      operation,
    });
    text = response.text;
  } catch (cause) {
    throw new OAuthError(`${operation} failed before an answer arrived`, { cause, operation });
  }
  let body: unknown;
  try {
    body = text === "" ? undefined : JSON.parse(text);
  } catch {
    body = text;
  }
  const ok = response.status >= 200 && response.status < 300;
  if (!ok && response.status !== 401 && response.status !== 404) {
    throw new OAuthError(`${operation} failed with HTTP ${response.status}`, {
      status: response.status,
      operation,
    });
  }
  return { status: response.status, body };
}
