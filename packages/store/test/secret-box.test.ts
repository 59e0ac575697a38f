import { randomBytes } from "node:crypto";

import { describe, expect, it } from "vitest";

import { DecryptError } from "../src/errors/decrypt-error";
import { InvalidKeyringError } from "../src/errors/invalid-keyring-error";
import { UnknownKeyIdError } from "../src/errors/unknown-key-id-error";
import { parseKeyring } from "../src/secret-box/keyring";
import { createSecretBox } from "../src/secret-box/secret-box";
import { testKeyring } from "./support/test-redis";

const binding = { orgUid: "blt-acme", purpose: "refresh-token" };

describe("secret box", () => {
  it("round-trips and names the key id in a v1 base64url format", () => {
    const box = createSecretBox(testKeyring(["k1"]));
    const sealed = box.encrypt("refresh-secret-123", binding);
    expect(sealed).toMatch(/^v1\.k1\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/);
    expect(sealed).not.toContain("refresh-secret-123");
    expect(box.decrypt(sealed, binding)).toBe("refresh-secret-123");
    // A fresh nonce each time: equal plaintexts do not give equal ciphertexts.
    expect(box.encrypt("refresh-secret-123", binding)).not.toBe(sealed);
  });

  it("refuses a tampered ciphertext", () => {
    const box = createSecretBox(testKeyring());
    const [v, kid, iv, tag, body] = box.encrypt("secret", binding).split(".") as [
      string,
      string,
      string,
      string,
      string,
    ];
    const flipped = Buffer.from(body, "base64url");
    flipped[0] = (flipped[0] ?? 0) ^ 1;
    expect(() =>
      box.decrypt([v, kid, iv, tag, flipped.toString("base64url")].join("."), binding),
    ).toThrow(DecryptError);
    expect(() => box.decrypt([v, kid, iv, tag.slice(0, 4), body].join("."), binding)).toThrow(
      DecryptError,
    );
    expect(() => box.decrypt("not-a-ciphertext", binding)).toThrow(DecryptError);
  });

  it("refuses a ciphertext bound to another organization or purpose", () => {
    const box = createSecretBox(testKeyring());
    const sealed = box.encrypt("secret", binding);
    expect(() => box.decrypt(sealed, { ...binding, orgUid: "blt-globex" })).toThrow(DecryptError);
    expect(() => box.decrypt(sealed, { ...binding, purpose: "access-token" })).toThrow(
      DecryptError,
    );
  });

  it("rotates: decrypts with any known key, encrypts with the current one, flags old ones", () => {
    const ring = testKeyring(["old"]);
    const before = createSecretBox(ring);
    const sealedOld = before.encrypt("secret", binding);
    const after = createSecretBox({
      currentKeyId: "new",
      keys: { ...ring.keys, new: randomBytes(32).toString("base64") },
    });
    expect(after.decrypt(sealedOld, binding)).toBe("secret");
    expect(after.needsReencrypt(sealedOld)).toBe(true);
    const sealedNew = after.encrypt("secret", binding);
    expect(sealedNew.split(".")[1]).toBe("new");
    expect(after.needsReencrypt(sealedNew)).toBe(false);
  });

  it("says clearly when the ciphertext's key is not in the keyring", () => {
    const sealed = createSecretBox(testKeyring(["gone"])).encrypt("secret", binding);
    const box = createSecretBox(testKeyring(["k2"]));
    expect(() => box.decrypt(sealed, binding)).toThrow(UnknownKeyIdError);
    expect(() => box.decrypt(sealed, binding)).toThrow(/key id "gone"/);
  });

  it("validates the keyring without echoing key material", () => {
    const short = randomBytes(16).toString("base64");
    const attempt = () => parseKeyring({ currentKeyId: "k1", keys: { k1: short } });
    expect(attempt).toThrow(InvalidKeyringError);
    expect(attempt).toThrow(/keys\.k1: must decode to exactly 32 bytes/);
    try {
      attempt();
    } catch (error) {
      expect(String(error)).not.toContain(short);
      expect((error as InvalidKeyringError).code).toBe("SECRET_BOX_INVALID_KEYRING");
    }
    expect(() =>
      parseKeyring({ currentKeyId: "k9", keys: { k1: randomBytes(32).toString("base64") } }),
    ).toThrow(/currentKeyId names no key/);
    expect(() => parseKeyring("{not json")).toThrow(/not valid JSON/);
    expect(() => parseKeyring({ currentKeyId: "a.b", keys: {} })).toThrow(InvalidKeyringError);
    // The JSON text form, as an environment variable holds it.
    const ring = testKeyring(["k1"]);
    expect(parseKeyring(JSON.stringify(ring)).keys.get("k1")?.length).toBe(32);
  });
});
