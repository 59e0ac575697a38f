// What the OAuth server remembers: consents, authorization codes, grants ("authorizations" in
// Developer Hub terms) and their access/refresh tokens. One grant per code exchange; refreshing
// rotates tokens inside the grant; revoking a grant kills every token it issued.
import { randomBytes } from "node:crypto";

import type { ChallengeMethod } from "./pkce";

export interface AuthorizationCode {
  code: string;
  appUid: string;
  clientId: string;
  userUid: string;
  orgUid: string;
  /** The redirect_uri the authorize request named, or null when it relied on the default. */
  requestedRedirectUri: string | null;
  redirectUri: string;
  scopes: string[];
  challenge: { value: string; method: ChallengeMethod } | null;
  expiresAt: number;
  used: boolean;
  /** The grant this code was exchanged for (set on first use; revoked if the code is replayed). */
  grantUid: string | null;
}

export interface Grant {
  uid: string;
  appUid: string;
  clientId: string;
  userUid: string;
  orgUid: string;
  scopes: string[];
  /** Issued to a confidential client (one with a secret): refreshing needs the secret too. */
  confidential: boolean;
  createdAt: string;
  revoked: boolean;
}

/** A validated authorize request waiting for the person's answer on the consent screen. */
export interface PendingConsent {
  id: string;
  userUid: string;
  orgUid: string;
  request: ValidatedAuthorizeRequest;
}

/** An authorize request whose client and redirect URI are known to be registered. */
export interface ValidatedAuthorizeRequest {
  appUid: string;
  clientId: string;
  redirectUri: string;
  requestedRedirectUri: string | null;
  scopes: string[];
  state: string | null;
  challenge: { value: string; method: ChallengeMethod } | null;
}

export interface AccessToken {
  token: string;
  grantUid: string;
  expiresAt: number;
}

function opaque(prefix: string): string {
  return `${prefix}${randomBytes(24).toString("base64url")}`;
}

export class OAuthStore {
  /** @param now the emulator's clock (epoch ms): token expiry and grant dates read it. */
  constructor(private readonly now: () => number = () => Date.now()) {}

  private consents = new Map<string, Set<string>>();
  private codes = new Map<string, AuthorizationCode>();
  private grants = new Map<string, Grant>();
  private accessTokens = new Map<string, AccessToken>();
  /** Refresh token -> grant, plus whether it was already used (rotation). */
  private refreshTokens = new Map<string, { grantUid: string; used: boolean }>();
  /** Consent screens shown and not yet answered: the form posts back only this id. */
  private pendingConsents = new Map<string, PendingConsent>();

  clear(): void {
    this.consents.clear();
    this.codes.clear();
    this.grants.clear();
    this.accessTokens.clear();
    this.refreshTokens.clear();
    this.pendingConsents.clear();
  }

  holdConsent(pending: Omit<PendingConsent, "id">): string {
    const id = opaque("consent_");
    this.pendingConsents.set(id, { ...pending, id });
    return id;
  }

  /** Single use: answering a consent screen twice does nothing the second time. */
  takeConsent(id: string): PendingConsent | undefined {
    const pending = this.pendingConsents.get(id);
    this.pendingConsents.delete(id);
    return pending;
  }

  private consentKey(appUid: string, userUid: string, orgUid: string): string {
    return `${appUid}\u0000${userUid}\u0000${orgUid}`;
  }

  /** True when the person already granted every requested scope to this app for this org. */
  hasConsent(appUid: string, userUid: string, orgUid: string, scopes: readonly string[]): boolean {
    const granted = this.consents.get(this.consentKey(appUid, userUid, orgUid));
    return granted !== undefined && scopes.every((scope) => granted.has(scope));
  }

  recordConsent(appUid: string, userUid: string, orgUid: string, scopes: readonly string[]): void {
    const key = this.consentKey(appUid, userUid, orgUid);
    const granted = this.consents.get(key) ?? new Set<string>();
    for (const scope of scopes) granted.add(scope);
    this.consents.set(key, granted);
  }

  issueCode(input: Omit<AuthorizationCode, "code" | "used" | "grantUid">): AuthorizationCode {
    const record: AuthorizationCode = {
      ...input,
      code: opaque("code_"),
      used: false,
      grantUid: null,
    };
    this.codes.set(record.code, record);
    return record;
  }

  findCode(code: string): AuthorizationCode | undefined {
    return this.codes.get(code);
  }

  createGrant(input: Omit<Grant, "uid" | "createdAt" | "revoked">): Grant {
    const grant: Grant = {
      ...input,
      uid: `auth_${randomBytes(10).toString("hex")}`,
      createdAt: new Date(this.now()).toISOString(),
      revoked: false,
    };
    this.grants.set(grant.uid, grant);
    return grant;
  }

  grant(uid: string): Grant | undefined {
    return this.grants.get(uid);
  }

  grantsOf(appUid: string, orgUid: string): Grant[] {
    return [...this.grants.values()].filter(
      (grant) => grant.appUid === appUid && grant.orgUid === orgUid && !grant.revoked,
    );
  }

  issueTokens(
    grant: Grant,
    ttlSeconds: number,
    now = this.now(),
  ): { accessToken: AccessToken; refreshToken: string } {
    const accessToken: AccessToken = {
      token: opaque("cs_at_"),
      grantUid: grant.uid,
      expiresAt: now + ttlSeconds * 1000,
    };
    this.accessTokens.set(accessToken.token, accessToken);
    const refreshToken = opaque("cs_rt_");
    this.refreshTokens.set(refreshToken, { grantUid: grant.uid, used: false });
    return { accessToken, refreshToken };
  }

  /**
   * Marks the refresh token used and returns its grant. `check` runs first, so a refused refresh
   * (wrong client) neither spends the token nor revokes anything.
   *
   * A second use of a rotated-out token is a replay (RFC 6749 §10.4, OAuth Security BCP §4.14):
   * either the legitimate client or a thief holds a copy, and the server cannot tell which, so the
   * whole grant is revoked — every access and refresh token issued from that authorization.
   */
  consumeRefreshToken(
    token: string,
    check: (grant: Grant) => void,
  ): { grant: Grant } | { problem: "unknown" | "reused" | "revoked" } {
    const record = this.refreshTokens.get(token);
    if (!record) return { problem: "unknown" };
    const grant = this.grants.get(record.grantUid);
    if (!grant || grant.revoked) return { problem: "revoked" };
    check(grant);
    if (record.used) {
      this.revokeGrant(grant.uid);
      return { problem: "reused" };
    }
    record.used = true;
    return { grant };
  }

  /** RFC 7662 view of a token: the grant and expiry when it is live, nothing otherwise. */
  introspect(
    token: string,
    now = this.now(),
  ): { grant: Grant; kind: "access_token" | "refresh_token"; expiresAt: number | null } | null {
    const access = this.resolveAccessToken(token, now);
    if (!("problem" in access))
      return { grant: access.grant, kind: "access_token", expiresAt: access.accessToken.expiresAt };
    const refresh = this.refreshTokens.get(token);
    const grant = refresh ? this.grants.get(refresh.grantUid) : undefined;
    if (refresh && grant && !grant.revoked && !refresh.used)
      return { grant, kind: "refresh_token", expiresAt: null };
    return null;
  }

  /** The live grant behind an access token, or why there is none. */
  resolveAccessToken(
    token: string,
    now = this.now(),
  ): { grant: Grant; accessToken: AccessToken } | { problem: "unknown" | "expired" | "revoked" } {
    const accessToken = this.accessTokens.get(token);
    if (!accessToken) return { problem: "unknown" };
    const grant = this.grants.get(accessToken.grantUid);
    if (!grant || grant.revoked) return { problem: "revoked" };
    if (now >= accessToken.expiresAt) return { problem: "expired" };
    return { grant, accessToken };
  }

  revokeGrant(uid: string): boolean {
    const grant = this.grants.get(uid);
    if (!grant || grant.revoked) return false;
    grant.revoked = true;
    return true;
  }

  /** A person left the organization: every token they hold for it stops working. */
  revokeGrantsOfUser(userUid: string, orgUid: string): number {
    let revoked = 0;
    for (const grant of this.grants.values()) {
      if (grant.userUid === userUid && grant.orgUid === orgUid && !grant.revoked) {
        grant.revoked = true;
        revoked += 1;
      }
    }
    return revoked;
  }
}
