import { createPublicKey, type KeyObject } from "node:crypto";
import { AppTokenError } from "../errors/app-token-error";
import { wirePublicKeysSchema } from "../wire/wire-oauth";

export interface PublicKeyCacheOptions {
  /** `{appUrl}/.well-known/public-keys.json`. */
  readonly url: string;
  /** Keep a fetched key this long. @defaultValue 3600000 (1 h) */
  readonly ttlMs?: number;
  /**
   * A key at least this old is fetched again once when a token fails verification, so a key
   * rotation heals itself while a flood of forged tokens cannot make us hammer the key host.
   * @defaultValue 60000
   */
  readonly refetchAfterMs?: number;
  /** @defaultValue 5000 */
  readonly timeoutMs?: number;
}

export interface PublicKeyCache {
  current(): Promise<KeyObject>;
  /** A fresh key when the cached one is old enough to suspect; undefined otherwise. */
  refreshIfStale(): Promise<KeyObject | undefined>;
}

/**
 * Caches the region's app-token signing key. The host serves `{"signing-key": <PKCS#1 PEM>}`
 * (api-notes Part B §1.5); node:crypto reads PKCS#1 directly, so no key conversion library is needed.
 */
export function createPublicKeyCache(options: PublicKeyCacheOptions): PublicKeyCache {
  const ttlMs = options.ttlMs ?? 3_600_000;
  const refetchAfterMs = options.refetchAfterMs ?? 60_000;
  let cached: { key: KeyObject; fetchedAt: number } | undefined;
  let inFlight: Promise<KeyObject> | undefined;

  async function fetchKey(): Promise<KeyObject> {
    let body: unknown;
    try {
      const response = await fetch(options.url, {
        headers: { accept: "application/json" },
        signal: AbortSignal.timeout(options.timeoutMs ?? 5000),
      });
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      body = await response.json();
    } catch (cause) {
      throw new AppTokenError(
        `Could not fetch the app-token signing key from ${options.url}: ${(cause as Error).message}`,
        "key_unavailable",
        { cause },
      );
    }
    const parsed = wirePublicKeysSchema.safeParse(body);
    if (!parsed.success)
      throw new AppTokenError(
        `${options.url} did not answer {"signing-key": PEM}`,
        "key_unavailable",
      );
    try {
      const key = createPublicKey({
        key: parsed.data["signing-key"],
        format: "pem",
        type: "pkcs1",
      });
      cached = { key, fetchedAt: Date.now() };
      return key;
    } catch (cause) {
      throw new AppTokenError(
        `${options.url} served a signing key that is not a PKCS#1 RSA public key`,
        "key_unavailable",
        { cause },
      );
    }
  }

  function load(): Promise<KeyObject> {
    inFlight ??= fetchKey().finally(() => {
      inFlight = undefined;
    });
    return inFlight;
  }

  return {
    async current() {
      if (cached && Date.now() - cached.fetchedAt < ttlMs) return cached.key;
      return load();
    },
    async refreshIfStale() {
      if (cached && Date.now() - cached.fetchedAt < refetchAfterMs) return undefined;
      return load();
    },
  };
}
