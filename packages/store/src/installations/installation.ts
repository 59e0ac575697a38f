import { z } from "zod";

import { intField, jsonField } from "../support/json-field";

/** How an organization's connection stands. */
export const INSTALLATION_STATUSES = ["connected", "needs-reconnect", "degraded"] as const;

/**
 * - `connected`: the credential works and runs succeed.
 * - `needs-reconnect`: the credential stopped working (the person left, the grant was revoked);
 *   the sync stops until an Owner or Admin authorizes again.
 * - `degraded`: runs keep failing for another reason; they continue with growing delays
 *   (what Entra provisioning calls quarantine).
 */
export type InstallationStatus = (typeof INSTALLATION_STATUSES)[number];

/** The person who authorized the app for the organization. */
export interface ConnectedBy {
  readonly uid: string;
  readonly email: string;
  readonly name?: string | undefined;
}

/** A connected organization. Holds no secret: tokens are read with `readTokens`. */
export interface Installation {
  readonly orgUid: string;
  /** Contentstack region id (NA, EU, …), checked by the connect flow against the region table. */
  readonly region: string;
  readonly connectedBy: ConnectedBy;
  /** Epoch ms. */
  readonly connectedAt: number;
  readonly scopes: readonly string[];
  readonly status: InstallationStatus;
  readonly statusReason?: string | undefined;
  /** Epoch ms of the last status change. */
  readonly statusSince: number;
  /** Failed runs in a row; 0 after a success. */
  readonly failureCount: number;
  /** Epoch ms before which no run should start (set while failing). */
  readonly nextAttemptAt?: number | undefined;
  /**
   * Connected for the first time and the first-connection import plan not accepted yet: nothing
   * may be synced (the first reconcile would remove the collaborators the import is about to
   * adopt). Set by `connect(…, {awaitingImport: true})`, cleared by `markImportAccepted`.
   */
  readonly awaitingImport: boolean;
}

export const connectedBySchema = z.strictObject({
  uid: z.string().min(1),
  email: z.string().min(3),
  name: z.string().optional(),
});

/** The installation hash as Redis returns it: every field a string. */
export const installationHashSchema = z.strictObject({
  orgUid: z.string().min(1),
  region: z.string().min(1),
  connectedBy: jsonField(connectedBySchema),
  connectedAt: intField,
  scopes: jsonField(z.array(z.string())),
  status: z.enum(INSTALLATION_STATUSES),
  statusReason: z.string().optional(),
  statusSince: intField,
  failureCount: intField,
  nextAttemptAt: intField.optional(),
  // Records written before the field existed have none: they are not awaiting an import.
  awaitingImport: z
    .enum(["0", "1"])
    .optional()
    .transform((flag) => flag === "1"),
});

/** OAuth tokens as the caller holds them (plaintext, in memory only). */
export interface OAuthTokens {
  readonly refreshToken: string;
  readonly accessToken: string;
  /** Epoch ms. */
  readonly accessTokenExpiresAt: number;
}

/** Tokens with the version a compare-and-set `saveTokens` must name. */
export interface VersionedTokens extends OAuthTokens {
  readonly version: number;
  /** Epoch ms of the save. */
  readonly savedAt: number;
}

export const oauthTokensSchema = z.strictObject({
  refreshToken: z.string().min(1),
  accessToken: z.string().min(1),
  accessTokenExpiresAt: z.number().int().nonnegative(),
});

/** The tokens hash as Redis returns it (ciphertexts, not secrets). */
export const tokensHashSchema = z.strictObject({
  version: intField,
  refreshToken: z.string().startsWith("v1."),
  accessToken: z.string().startsWith("v1."),
  accessTokenExpiresAt: intField,
  savedAt: intField,
});
