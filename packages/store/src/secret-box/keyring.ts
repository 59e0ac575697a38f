import { z } from "zod";

import { InvalidKeyringError } from "../errors/invalid-keyring-error";

/** A key id: short, and without `.` because the ciphertext format uses dots as separators. */
export const KEY_ID_PATTERN = /^[A-Za-z0-9_-]{1,32}$/;

/** AES-256 needs exactly this many key bytes. */
export const KEY_BYTES = 32;

const keyId = z.string().regex(KEY_ID_PATTERN, "key ids use letters, digits, _ and - (1-32)");

const keyringShape = z
  .strictObject({
    currentKeyId: keyId,
    keys: z.record(
      keyId,
      z
        .string()
        .regex(/^[A-Za-z0-9+/_-]+={0,2}$/, "must be base64")
        .refine((value) => Buffer.from(value, "base64").length === KEY_BYTES, {
          message: `must decode to exactly ${KEY_BYTES} bytes (generate one with: openssl rand -base64 32)`,
        }),
    ),
  })
  .refine((ring) => Object.hasOwn(ring.keys, ring.currentKeyId), {
    message: "currentKeyId names no key in keys",
    path: ["currentKeyId"],
  });

/**
 * The keyring as configuration gives it: the id new secrets are encrypted with, and every key
 * that may still be needed to decrypt (old ids stay until `needsReencrypt` finds none left).
 */
export type KeyringConfig = z.input<typeof keyringShape>;

/** A checked keyring with decoded keys. */
export interface Keyring {
  readonly currentKeyId: string;
  readonly keys: ReadonlyMap<string, Buffer>;
}

/**
 * Checks a keyring from configuration: an object, or its JSON text (as an environment variable
 * holds it).
 *
 * @throws {@link InvalidKeyringError} naming each problem, never a key's value.
 */
export function parseKeyring(input: unknown): Keyring {
  let value = input;
  if (typeof input === "string") {
    try {
      value = JSON.parse(input);
    } catch {
      throw new InvalidKeyringError(["not valid JSON"]);
    }
  }
  const result = keyringShape.safeParse(value);
  if (!result.success)
    throw new InvalidKeyringError(
      // Paths and messages only: zod may quote the offending value, which would be key material.
      result.error.issues.map(
        (issue) => `${issue.path.join(".") || "(keyring)"}: ${issue.message}`,
      ),
    );
  const keys = new Map<string, Buffer>();
  for (const [id, encoded] of Object.entries(result.data.keys))
    keys.set(id, Buffer.from(encoded, "base64"));
  return { currentKeyId: result.data.currentKeyId, keys };
}
