import { z } from "zod";
import { InsecureUrlError } from "../errors/insecure-url-error";

/**
 * Plain http is only for the local emulators, which listen on loopback. Anything else would send
 * tokens in clear text, so the rule is: https, or http to 127.0.0.0/8, ::1 or localhost.
 */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/^\[|\]$/g, "");
  // Only the name itself: `*.localhost` is loopback by RFC 6761 in browsers, but Node resolves it
  // through the machine's DNS, which may answer any address.
  if (host === "localhost") return true;
  if (host === "::1" || host === "0:0:0:0:0:0:0:1") return true;
  const octets = host.split(".");
  return (
    octets.length === 4 &&
    octets[0] === "127" &&
    octets.every((octet) => /^\d{1,3}$/.test(octet) && Number(octet) <= 255)
  );
}

/** Why `value` may not be a base URL, or undefined when it may. */
export function baseUrlProblem(value: string): string | undefined {
  const url = URL.parse(value);
  if (url === null) return "must be an absolute URL";
  if (url.protocol !== "https:" && url.protocol !== "http:") return "must be an http(s) URL";
  if (url.protocol === "http:" && !isLoopbackHost(url.hostname))
    return "must use https (plain http only to a loopback host: 127.0.0.0/8, ::1, localhost)";
  if (url.username !== "" || url.password !== "") return "must not carry user info";
  if (url.search !== "" || url.hash !== "" || value.includes("?") || value.includes("#"))
    return "must not carry a query or fragment";
  return undefined;
}

/**
 * Checks a base URL against the rule and returns it without trailing slashes.
 * @throws InsecureUrlError naming `what` and the rule broken
 */
export function checkBaseUrl(value: string, what = "base URL"): string {
  const problem = baseUrlProblem(value);
  if (problem !== undefined) throw new InsecureUrlError(`${what} ${problem}`);
  return value.replace(/\/+$/, "");
}

/** The same rule as a zod schema, for client option schemas (one issue line per bad setting). */
export const baseUrlSchema = z
  .string()
  .superRefine((value, context) => {
    const problem = baseUrlProblem(value);
    if (problem !== undefined) context.addIssue({ code: "custom", message: problem });
  })
  .transform((value) => value.replace(/\/+$/, ""));
