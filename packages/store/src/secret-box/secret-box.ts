import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";

import { DecryptError } from "../errors/decrypt-error";
import { UnknownKeyIdError } from "../errors/unknown-key-id-error";
import { parseKeyring, type Keyring, type KeyringConfig } from "./keyring";

/**
 * What a secret is bound to. Both go into the GCM additional authenticated data, so a ciphertext
 * copied into another organization's record, or from the access-token slot into the refresh-token
 * slot, fails to decrypt instead of being used.
 */
export interface SecretBinding {
  readonly orgUid: string;
  /** What the secret is, e.g. `"refresh-token"`. */
  readonly purpose: string;
}

/** Authenticated encryption at rest for the few secrets the store keeps. */
export interface SecretBox {
  /** The key id new ciphertexts are made with. */
  readonly currentKeyId: string;
  /** Encrypts with the current key: `v1.<kid>.<iv>.<tag>.<ciphertext>`, parts base64url. */
  encrypt(plaintext: string, binding: SecretBinding): string;
  /**
   * Decrypts with whichever known key the ciphertext names.
   * @throws {@link UnknownKeyIdError} when the key id is not in the keyring
   * @throws {@link DecryptError} when the text is malformed, tampered with or bound elsewhere
   */
  decrypt(ciphertext: string, binding: SecretBinding): string;
  /** True when the ciphertext was made with a key other than the current one (rotate it). */
  needsReencrypt(ciphertext: string): boolean;
}

const VERSION = "v1";
const IV_BYTES = 12; // the GCM standard nonce size
const TAG_BYTES = 16;
const ALGORITHM = "aes-256-gcm";

function aad(binding: SecretBinding): Buffer {
  // Length-prefixed so ("a:b","c") and ("a","b:c") cannot produce the same bytes.
  return Buffer.from(
    `lytics-access:${VERSION}:${binding.orgUid.length}:${binding.orgUid}:${binding.purpose}`,
    "utf8",
  );
}

interface Parts {
  readonly keyId: string;
  readonly iv: Buffer;
  readonly tag: Buffer;
  readonly body: Buffer;
}

function split(ciphertext: string): Parts {
  const parts = ciphertext.split(".");
  const [version, keyId, iv, tag, body] = parts;
  if (
    parts.length !== 5 ||
    version !== VERSION ||
    !keyId ||
    iv === undefined ||
    tag === undefined ||
    body === undefined
  )
    throw new DecryptError("not a v1 secret-box ciphertext");
  const decoded = {
    keyId,
    iv: Buffer.from(iv, "base64url"),
    tag: Buffer.from(tag, "base64url"),
    body: Buffer.from(body, "base64url"),
  };
  if (decoded.iv.length !== IV_BYTES || decoded.tag.length !== TAG_BYTES)
    throw new DecryptError("malformed nonce or tag");
  return decoded;
}

/**
 * Builds a secret box from a keyring (configuration object, its JSON, or a parsed keyring).
 *
 * @throws {@link InvalidKeyringError} when the keyring is unusable
 */
export function createSecretBox(keyring: KeyringConfig | string | Keyring): SecretBox {
  const ring: Keyring = isParsed(keyring) ? keyring : parseKeyring(keyring);
  const currentKey = ring.keys.get(ring.currentKeyId);
  if (!currentKey) throw new UnknownKeyIdError(ring.currentKeyId);

  return Object.freeze({
    currentKeyId: ring.currentKeyId,
    encrypt(plaintext: string, binding: SecretBinding): string {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv(ALGORITHM, currentKey, iv, { authTagLength: TAG_BYTES });
      cipher.setAAD(aad(binding));
      const body = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
      return [
        VERSION,
        ring.currentKeyId,
        iv.toString("base64url"),
        cipher.getAuthTag().toString("base64url"),
        body.toString("base64url"),
      ].join(".");
    },
    decrypt(ciphertext: string, binding: SecretBinding): string {
      const { keyId, iv, tag, body } = split(ciphertext);
      const key = ring.keys.get(keyId);
      if (!key) throw new UnknownKeyIdError(keyId);
      try {
        const decipher = createDecipheriv(ALGORITHM, key, iv, { authTagLength: TAG_BYTES });
        decipher.setAAD(aad(binding));
        decipher.setAuthTag(tag);
        return Buffer.concat([decipher.update(body), decipher.final()]).toString("utf8");
      } catch {
        throw new DecryptError(
          "authentication failed (tampered with, or bound to another organization or purpose)",
        );
      }
    },
    needsReencrypt(ciphertext: string): boolean {
      return split(ciphertext).keyId !== ring.currentKeyId;
    },
  });
}

function isParsed(value: unknown): value is Keyring {
  return typeof value === "object" && value !== null && (value as Keyring).keys instanceof Map;
}
