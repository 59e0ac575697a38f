import { createHash } from "node:crypto";

/** Emails compare case-insensitively: Contentstack and Lytics both treat them so. */
export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

/**
 * The key part that stands for a person: a digest of the normalised email. Keys are visible to
 * anyone who can SCAN, and an address may hold characters a key part must not.
 */
export function personKey(email: string): string {
  return createHash("sha256").update(normaliseEmail(email)).digest("base64url").slice(0, 22);
}
