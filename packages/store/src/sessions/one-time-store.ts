import { z } from "zod";

import type { SecretBox } from "../secret-box/secret-box";
import { checkInput, parseStored } from "../support/parse-record";
import { resolveStoreOptions, type StoreOptions } from "../support/store-options";
import { sessionTokensSchema, type SessionTokens } from "./session";
import { createSessionKeys } from "./session-keys";
import { newSecret } from "./sessions-store";

/**
 * The two short-lived, single-use records of the OAuth sign-in (DESIGN §5), each read at most once
 * (GETDEL), so a replayed callback or a replayed handoff code finds nothing:
 * - a **login attempt**: the state and PKCE verifier of one authorization request, named by a
 *   random id kept in the popup's own first-party cookie;
 * - a **handoff**: the tokens the callback obtained, encrypted, named by a one-time code the popup
 *   passes to the app's iframe by `postMessage`; the iframe's session redeems it.
 */
export interface LoginAttempt {
  readonly state: string;
  readonly codeVerifier: string;
  /** Epoch ms. */
  readonly createdAt: number;
}

export interface Handoff {
  readonly orgUid: string;
  readonly userUid: string;
  readonly tokens: SessionTokens;
}

export interface OneTimeStoreOptions extends StoreOptions {
  readonly secretBox: SecretBox;
  /** @defaultValue 10 minutes: a person may take a while on the consent screen. */
  readonly loginAttemptTtlMs?: number;
  /** @defaultValue 2 minutes: the popup posts the code at once. */
  readonly handoffTtlMs?: number;
}

export interface OneTimeStore {
  startLogin(input: { state: string; codeVerifier: string }): Promise<string>;
  /** The attempt, removed as it is read; null when unknown, expired or already used. */
  takeLogin(attemptId: string): Promise<LoginAttempt | null>;
  issueHandoff(input: Handoff): Promise<string>;
  /** The handoff, removed as it is read; null when unknown, expired or already redeemed. */
  redeemHandoff(code: string): Promise<Handoff | null>;
}

const SECRET = /^[A-Za-z0-9_-]{43}$/;

const loginAttemptSchema = z.strictObject({
  state: z.string().min(16).max(512),
  codeVerifier: z.string().regex(/^[A-Za-z0-9\-._~]{43,128}$/),
  createdAt: z.number().int(),
});

const storedHandoffSchema = z.strictObject({
  orgUid: z.string().min(1),
  userUid: z.string().min(1),
  tokens: z.string().min(1),
});

export function createOneTimeStore(options: OneTimeStoreOptions): OneTimeStore {
  const { redis, clock, keys: storeKeys } = resolveStoreOptions(options);
  const keys = createSessionKeys(storeKeys.prefix);
  const loginTtl = options.loginAttemptTtlMs ?? 10 * 60 * 1000;
  const handoffTtl = options.handoffTtlMs ?? 2 * 60 * 1000;
  const binding = (code: string, orgUid: string) => ({
    orgUid,
    purpose: `oauth-handoff:${keys.digest(code)}`,
  });

  return Object.freeze({
    async startLogin(input) {
      const attempt = checkInput(
        loginAttemptSchema,
        { ...input, createdAt: clock.now() },
        "login attempt",
      );
      const id = newSecret();
      await redis.set(keys.loginAttempt(id), JSON.stringify(attempt), "PX", loginTtl);
      return id;
    },

    async takeLogin(attemptId) {
      if (!SECRET.test(attemptId)) return null;
      const raw = await redis.getdel(keys.loginAttempt(attemptId));
      return raw === null ? null : parseStored(loginAttemptSchema, raw, "login attempt");
    },

    async issueHandoff(input) {
      const tokens = checkInput(sessionTokensSchema, input.tokens, "handoff tokens");
      const code = newSecret();
      const stored = {
        orgUid: input.orgUid,
        userUid: input.userUid,
        tokens: options.secretBox.encrypt(JSON.stringify(tokens), binding(code, input.orgUid)),
      };
      checkInput(storedHandoffSchema, stored, "handoff");
      await redis.set(keys.handoff(code), JSON.stringify(stored), "PX", handoffTtl);
      return code;
    },

    async redeemHandoff(code) {
      if (!SECRET.test(code)) return null;
      const raw = await redis.getdel(keys.handoff(code));
      if (raw === null) return null;
      const stored = parseStored(storedHandoffSchema, raw, "handoff");
      const plain = options.secretBox.decrypt(stored.tokens, binding(code, stored.orgUid));
      return {
        orgUid: stored.orgUid,
        userUid: stored.userUid,
        tokens: parseStored(sessionTokensSchema, plain, "handoff tokens"),
      };
    },
  } satisfies OneTimeStore);
}
