import { timingSafeEqual } from "node:crypto";

function equal(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/**
 * True when the Authorization header carries the operator token, as `Bearer <token>` or as the
 * password of basic auth (any user name), so a browser's login prompt works too. Without a
 * configured token nobody is let in.
 */
export function isOperator(header: string | undefined, operatorToken: string | undefined): boolean {
  if (!operatorToken || !header) return false;
  const [scheme, value = ""] = header.split(" ", 2);
  if (scheme?.toLowerCase() === "bearer") return equal(value.trim(), operatorToken);
  if (scheme?.toLowerCase() === "basic") {
    const decoded = Buffer.from(value.trim(), "base64").toString("utf8");
    const colon = decoded.indexOf(":");
    return colon >= 0 && equal(decoded.slice(colon + 1), operatorToken);
  }
  return false;
}
