import { sendRequest, type ApiError } from "@lytics-access/http";
import { createPublicKey, type KeyObject } from "node:crypto";
import { AppTokenError } from "../errors/app-token-error";
import { wirePublicKeysSchema } from "../wire/wire-oauth";

/** Smallest RSA modulus accepted; the tokens are RS256 and 2048 bits is the floor for it. */
const MIN_RSA_BITS = 2048;

export interface PublicKeyCacheOptions {
  /** `{appUrl}/.well-known/public-keys.json`. */
  readonly url: string;
  /** Keep a fetched key this long. @defaultValue 3600000 (1 h) */
  readonly ttlMs?: number | undefined;
  /**
   * Fetches of the key are at least this far apart when the cached key is suspect (a token failed
   * verification with it) or the last fetch failed, so a key rotation heals itself while a flood
   * of forged tokens or a broken key host cannot make us hammer it. @defaultValue 60000
   */
  readonly refetchAfterMs?: number | undefined;
  /** @defaultValue 5000 */
  readonly timeoutMs?: number | undefined;
  /** Largest key response read; a PEM key is well under 1 KiB. @defaultValue 65536 */
  readonly maxResponseBytes?: number | undefined;
  /** Epoch milliseconds. @defaultValue Date.now */
  readonly now?: (() => number) | undefined;
}

export interface PublicKeyCache {
  current(): Promise<KeyObject>;
  /** A fresh key when the last fetch is old enough to fetch again; undefined otherwise. */
  refreshIfStale(): Promise<KeyObject | undefined>;
}

/**
 * Caches the region's app-token signing key. The host serves `{"signing-key": <PEM>}` (api-notes
 * Part B §1.5). Only an RSA public key of at least 2048 bits is accepted and cached: the tokens
 * are RS256, and a key of another type must not become the thing we trust for an hour.
 */
export function createPublicKeyCache(options: PublicKeyCacheOptions): PublicKeyCache {
  const ttlMs = options.ttlMs ?? 3_600_000;
  const refetchAfterMs = options.refetchAfterMs ?? 60_000;
  const now = options.now ?? Date.now;
  let cached: { key: KeyObject; fetchedAt: number } | undefined;
  let lastFailure: { error: AppTokenError; at: number } | undefined;
  let inFlight: Promise<KeyObject> | undefined;

  const unavailable = (message: string, cause?: unknown) =>
    new AppTokenError(message, "key_unavailable", cause === undefined ? undefined : { cause });

  async function fetchKey(): Promise<KeyObject> {
    let body: unknown;
    try {
      const response = await sendRequest({
        method: "GET",
        url: options.url,
        headers: { accept: "application/json" },
        timeoutMs: options.timeoutMs ?? 5000,
        maxResponseBytes: options.maxResponseBytes ?? 65_536,
        api: "contentstack-app",
        operation: "GET /.well-known/public-keys.json",
      });
      if (response.status !== 200) throw new Error(`HTTP ${response.status}`);
      body = JSON.parse(response.text) as unknown;
    } catch (cause) {
      const reason = (cause as ApiError | Error).message;
      throw unavailable(
        `Could not fetch the app-token signing key from ${options.url}: ${reason}`,
        cause,
      );
    }
    const parsed = wirePublicKeysSchema.safeParse(body);
    if (!parsed.success) throw unavailable(`${options.url} did not answer {"signing-key": PEM}`);
    let key: KeyObject;
    try {
      key = createPublicKey({ key: parsed.data["signing-key"], format: "pem" });
    } catch (cause) {
      throw unavailable(`${options.url} served a signing key that is not a PEM public key`, cause);
    }
    const bits = key.asymmetricKeyDetails?.modulusLength ?? 0;
    if (key.asymmetricKeyType !== "rsa" || bits < MIN_RSA_BITS) {
      throw unavailable(
        `${options.url} served a ${key.asymmetricKeyType ?? "unknown"} key${bits ? ` of ${bits} bits` : ""}; app tokens are RS256 and need an RSA key of at least ${MIN_RSA_BITS} bits`,
      );
    }
    return key;
  }

  function load(): Promise<KeyObject> {
    inFlight ??= fetchKey()
      .then(
        (key) => {
          cached = { key, fetchedAt: now() };
          lastFailure = undefined;
          return key;
        },
        (error: unknown) => {
          lastFailure = { error: error as AppTokenError, at: now() };
          throw error;
        },
      )
      .finally(() => {
        inFlight = undefined;
      });
    return inFlight;
  }

  /** A recent failed fetch is answered again without asking the host. */
  function recentFailure(): AppTokenError | undefined {
    return lastFailure && now() - lastFailure.at < refetchAfterMs ? lastFailure.error : undefined;
  }

  return {
    async current() {
      if (cached && now() - cached.fetchedAt < ttlMs) return cached.key;
      const failure = recentFailure();
      if (failure) throw failure;
      return load();
    },
    async refreshIfStale() {
      if (cached && now() - cached.fetchedAt < refetchAfterMs) return undefined;
      if (recentFailure()) return undefined;
      return load();
    },
  };
}
