// Verification of the signed app token a signed UI location receives (`?app-token=`), per
// "Securing your app" (api-notes Part B §1.5): RS256 with the region's public key, plus expiry,
// issuer and audience. The claims then seed our own session; the token is never an API credential.
import { errors as joseErrors, jwtVerify, type JWTPayload } from "jose";
import type { KeyObject } from "node:crypto";
import { z } from "zod";
import { describeIssues, resolveEndpoints } from "../config/endpoints";
import { AppTokenError } from "../errors/app-token-error";
import { ContentstackConfigError } from "../errors/config-error";
import { createPublicKeyCache, type PublicKeyCache } from "./public-key-cache";

export const appTokenVerifierOptionsSchema = z.object({
  /** Region whose app host signs the tokens. @defaultValue "NA" */
  region: z.string().optional(),
  /** App host override (the emulator). @defaultValue the region's app host */
  appUrl: z.string().optional(),
  /** Our Developer Hub app uid: the expected audience and `app_uid` claim. */
  appUid: z.string().min(1, "is required"),
  /** Expected `iss`. @defaultValue the app host URL */
  issuer: z.string().min(1).optional(),
  /** Allowed clock difference. @defaultValue 5 */
  clockToleranceSeconds: z.number().int().min(0).max(300).default(5),
  /** How long a fetched key is trusted. @defaultValue 3600000 */
  keyTtlMs: z.number().int().positive().optional(),
  /** Minimum time between key fetches when a token fails with the cached key. @defaultValue 60000 */
  refetchAfterMs: z.number().int().min(0).optional(),
  /**
   * Longest lifetime accepted: `exp - iat`, and `exp` from now. A signed app token lives minutes;
   * one valid for longer was not minted by the app host as documented. @defaultValue 3600
   */
  maxLifetimeSeconds: z.number().int().positive().max(86_400).default(3600),
  /** Largest key response read. @defaultValue 65536 */
  maxKeyResponseBytes: z.number().int().positive().optional(),
  /** Epoch milliseconds (tests). @defaultValue Date.now */
  now: z.custom<() => number>((value) => typeof value === "function").optional(),
});

export type AppTokenVerifierOptions = z.input<typeof appTokenVerifierOptionsSchema>;

/** What a valid app token tells us. */
export interface AppTokenClaims {
  readonly organizationUid: string;
  readonly installationUid: string;
  readonly appUid: string;
  readonly userUid: string;
  /** Stack apps only. */
  readonly stackApiKey: string | undefined;
  readonly issuedAt: Date | undefined;
  readonly expiresAt: Date;
}

const wireClaimsSchema = z.object({
  organization_uid: z.string().min(1),
  installation_uid: z.string().min(1),
  app_uid: z.string().min(1),
  user_uid: z.string().min(1),
  stack_api_key: z.string().optional(),
  iat: z.number().optional(),
  exp: z.number(),
});

export interface AppTokenVerifier {
  verify(token: string): Promise<AppTokenClaims>;
}

export function createAppTokenVerifier(options: AppTokenVerifierOptions): AppTokenVerifier {
  const parsed = appTokenVerifierOptionsSchema.safeParse(options);
  if (!parsed.success) throw new ContentstackConfigError(describeIssues(parsed.error, "appToken."));
  const config = parsed.data;
  const { appUrl } = resolveEndpoints({ region: config.region, appUrl: config.appUrl });
  const issuer = config.issuer ?? appUrl;
  const keys: PublicKeyCache = createPublicKeyCache({
    url: `${appUrl}/.well-known/public-keys.json`,
    ttlMs: config.keyTtlMs,
    refetchAfterMs: config.refetchAfterMs,
    maxResponseBytes: config.maxKeyResponseBytes,
    now: config.now,
  });
  const now = config.now ?? Date.now;

  async function check(token: string, key: KeyObject): Promise<JWTPayload> {
    const { payload } = await jwtVerify(token, key, {
      algorithms: ["RS256"],
      issuer,
      audience: config.appUid,
      clockTolerance: config.clockToleranceSeconds,
      requiredClaims: ["exp"],
      currentDate: new Date(now()),
    });
    return payload;
  }

  return {
    async verify(token: string): Promise<AppTokenClaims> {
      if (typeof token !== "string" || token.split(".").length !== 3)
        throw new AppTokenError("The app token is not a JWT", "malformed");
      let payload: JWTPayload;
      try {
        payload = await check(token, await keys.current());
      } catch (error) {
        if (!keyMayBeAtFault(error)) throw toAppTokenError(error);
        // The signing key may have rotated since we cached it: one rate-bounded refetch.
        const fresh = await keys.refreshIfStale();
        if (!fresh) throw toAppTokenError(error);
        try {
          payload = await check(token, fresh);
        } catch (retryError) {
          throw toAppTokenError(retryError);
        }
      }
      const claims = wireClaimsSchema.safeParse(payload);
      if (!claims.success)
        throw new AppTokenError(
          `The app token lacks claims: ${claims.error.issues.map((issue) => issue.path.join(".")).join(", ")}`,
          "claims",
        );
      if (claims.data.app_uid !== config.appUid)
        throw new AppTokenError("The app token was issued for another app", "audience");
      checkLifetime(
        claims.data,
        now() / 1000,
        config.clockToleranceSeconds,
        config.maxLifetimeSeconds,
      );
      return {
        organizationUid: claims.data.organization_uid,
        installationUid: claims.data.installation_uid,
        appUid: claims.data.app_uid,
        userUid: claims.data.user_uid,
        stackApiKey: claims.data.stack_api_key,
        issuedAt: claims.data.iat === undefined ? undefined : new Date(claims.data.iat * 1000),
        expiresAt: new Date(claims.data.exp * 1000),
      };
    },
  };
}

/** A signature that does not verify, or a key jose refuses to use for RS256. */
function keyMayBeAtFault(error: unknown): boolean {
  return (
    error instanceof joseErrors.JWSSignatureVerificationFailed ||
    (error instanceof TypeError && /key/i.test(error.message))
  );
}

/**
 * Bounds a token's age, which jose leaves open: an `iat` ahead of our clock (beyond the skew) is
 * not valid yet, and a token valid for longer than `maxLifetimeSeconds` (by `exp - iat`, or by
 * `exp` from now) is refused, so a leaked or forged long-lived token cannot open sessions for years.
 */
function checkLifetime(
  claims: { iat?: number | undefined; exp: number },
  nowSeconds: number,
  skewSeconds: number,
  maxLifetimeSeconds: number,
): void {
  if (claims.iat !== undefined && claims.iat > nowSeconds + skewSeconds)
    throw new AppTokenError("The app token was issued in the future", "not_yet_valid");
  if (claims.iat !== undefined && claims.exp - claims.iat > maxLifetimeSeconds)
    throw new AppTokenError(
      `The app token is valid for ${claims.exp - claims.iat} s; at most ${maxLifetimeSeconds} s is accepted`,
      "lifetime",
    );
  if (claims.exp - nowSeconds > maxLifetimeSeconds + skewSeconds)
    throw new AppTokenError(
      `The app token expires more than ${maxLifetimeSeconds} s from now`,
      "lifetime",
    );
}

function toAppTokenError(error: unknown): AppTokenError {
  if (error instanceof AppTokenError) return error;
  if (error instanceof joseErrors.JWTExpired)
    return new AppTokenError("The app token has expired", "expired", { cause: error });
  if (error instanceof joseErrors.JWTClaimValidationFailed) {
    if (error.claim === "iss")
      return new AppTokenError("The app token was issued by another host", "issuer", {
        cause: error,
      });
    if (error.claim === "aud")
      return new AppTokenError("The app token is meant for another audience", "audience", {
        cause: error,
      });
    if (error.claim === "nbf" || error.claim === "iat")
      return new AppTokenError("The app token is not valid yet", "not_yet_valid", { cause: error });
    return new AppTokenError(`The app token's ${error.claim} claim is invalid`, "claims", {
      cause: error,
    });
  }
  // Named apart from "malformed": a token well formed but signed with `none`, HS256 or PS256 is an
  // algorithm-confusion attempt, and whoever reads the logs should see it as such.
  if (error instanceof joseErrors.JOSEAlgNotAllowed)
    return new AppTokenError(
      "The app token is not signed with RS256, the only algorithm accepted",
      "algorithm",
      {
        cause: error,
      },
    );
  if (error instanceof joseErrors.JWSSignatureVerificationFailed)
    return new AppTokenError("The app token's signature does not verify", "signature", {
      cause: error,
    });
  return new AppTokenError(`The app token is malformed: ${(error as Error).message}`, "malformed", {
    cause: error,
  });
}

// One verifier (and so one cached key) per distinct set of options. Every option is part of the
// key: a call asking for a shorter lifetime or another clock must not get the limits of whichever
// call came first. A clock function is told apart by identity.
const verifiers = new Map<string, AppTokenVerifier>();
const MAX_SHARED_VERIFIERS = 32;
const clockIds = new WeakMap<() => number, number>();
let clocksSeen = 0;

function verifierKey(options: AppTokenVerifierOptions): string {
  const { now, ...rest } = options;
  let clockId = 0;
  if (now) {
    clockId = clockIds.get(now) ?? ++clocksSeen;
    clockIds.set(now, clockId);
  }
  const settings = Object.entries(rest)
    .filter(([, value]) => value !== undefined)
    .sort(([a], [b]) => a.localeCompare(b));
  return JSON.stringify([settings, clockId]);
}

/**
 * Verifies one app token, reusing a verifier (and its cached key) per app host, app uid and
 * settings.
 * @throws AppTokenError naming the failed check
 */
export function verifyAppToken(
  token: string,
  options: AppTokenVerifierOptions,
): Promise<AppTokenClaims> {
  const key = verifierKey(options);
  let verifier = verifiers.get(key);
  if (!verifier) {
    verifier = createAppTokenVerifier(options);
    verifiers.set(key, verifier);
    // Bounded: a caller that passes a new clock function on every call must not grow this map
    // without end (the oldest verifier goes; a long-lived caller should hold its own verifier).
    if (verifiers.size > MAX_SHARED_VERIFIERS)
      verifiers.delete(verifiers.keys().next().value as string);
  }
  return verifier.verify(token);
}
