import { z } from "zod";

/**
 * A web-app session (DESIGN §5): the person the signed app token named, in the organization it
 * named, and, once they signed in with Contentstack OAuth, their role as the organization reports
 * it. The OAuth tokens behind it are kept encrypted in the same record and never leave the server.
 */
export interface Session {
  readonly orgUid: string;
  readonly userUid: string;
  /** Contentstack region id of the organization (NA, EU, ...). */
  readonly region: string;
  readonly installationUid?: string | undefined;
  /** Epoch ms. */
  readonly createdAt: number;
  /** Epoch ms after which the session is over whatever happens (absolute lifetime). */
  readonly expiresAt: number;
  /** Per-session CSRF token: state-changing requests must send it back in a header. */
  readonly csrfToken: string;
  /** Bumped by every write; compare-and-set writes name it. */
  readonly version: number;
  /** Set once the person signed in with OAuth and the server resolved who they are. */
  readonly person?: SessionPerson | undefined;
  /** Epoch ms the access token behind the session expires; absent before sign-in. */
  readonly tokenExpiresAt?: number | undefined;
}

/** Who the person is in the organization, resolved on the server (never taken from the browser). */
export interface SessionPerson {
  readonly email: string;
  readonly name?: string | undefined;
  /** Organization standing: owner, admin, member, guest (DESIGN §3.1). */
  readonly role: "owner" | "admin" | "member" | "guest";
  /** Epoch ms the role was last read from the organization. */
  readonly checkedAt: number;
  /**
   * Where the standing was read: `organization-users` is the organization's users listing (the
   * only place that marks a guest); `own-profile` is the person's own profile (GET /v3/user),
   * used when no credential at hand may list the users, so a guest cannot be told from a member.
   * Absent on sessions written before it was recorded.
   */
  readonly standingSource?: "organization-users" | "own-profile" | undefined;
}

/** The Contentstack OAuth tokens behind a session, in plaintext (memory only). */
export interface SessionTokens {
  readonly accessToken: string;
  readonly refreshToken?: string | undefined;
  /** Epoch ms. */
  readonly expiresAt: number;
  readonly region: string;
}

export const sessionPersonSchema = z.strictObject({
  email: z.string().min(3),
  name: z.string().optional(),
  role: z.enum(["owner", "admin", "member", "guest"]),
  checkedAt: z.number().int(),
  standingSource: z.enum(["organization-users", "own-profile"]).optional(),
});

export const sessionTokensSchema = z.strictObject({
  accessToken: z.string().min(1),
  refreshToken: z.string().min(1).optional(),
  expiresAt: z.number().int(),
  region: z.string().min(1),
});

/** The stored record: the session plus its encrypted tokens. */
export const storedSessionSchema = z.strictObject({
  orgUid: z.string().min(1),
  userUid: z.string().min(1),
  region: z.string().min(1),
  installationUid: z.string().optional(),
  createdAt: z.number().int(),
  expiresAt: z.number().int(),
  csrfToken: z.string().min(32),
  version: z.number().int().min(1),
  person: sessionPersonSchema.optional(),
  tokenExpiresAt: z.number().int().optional(),
  /** secret-box ciphertext of {@link SessionTokens}, bound to the org and this session. */
  tokens: z.string().optional(),
});

export type StoredSession = z.output<typeof storedSessionSchema>;

export const createSessionInputSchema = z.strictObject({
  orgUid: z.string().regex(/^[A-Za-z0-9_.-]{1,128}$/),
  userUid: z.string().min(1).max(128),
  region: z.string().min(1),
  installationUid: z.string().min(1).optional(),
});

export type CreateSessionInput = z.input<typeof createSessionInputSchema>;
