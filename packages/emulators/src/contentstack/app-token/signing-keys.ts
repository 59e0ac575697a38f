import { generateKeyPair, type KeyObject } from "node:crypto";
import { promisify } from "node:util";

export interface SigningKeys {
  privateKey: KeyObject;
  /** PKCS#1 PEM ("BEGIN RSA PUBLIC KEY"), as `/.well-known/public-keys.json` serves it. */
  publicKeyPkcs1Pem: string;
}

/** A fresh RS256 key pair per emulator start: tokens never outlive the process that signed them. */
export async function createSigningKeys(): Promise<SigningKeys> {
  const { privateKey, publicKey } = await promisify(generateKeyPair)("rsa", {
    modulusLength: 2048,
  });
  const publicKeyPkcs1Pem = publicKey.export({ type: "pkcs1", format: "pem" }).toString();
  return { privateKey, publicKeyPkcs1Pem };
}
