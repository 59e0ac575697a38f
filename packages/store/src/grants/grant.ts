import { z } from "zod";

import { actorSchema, type Actor } from "../support/actor";

/** Where a grant came from. */
export const GRANT_SOURCES = ["app", "import", "access-request"] as const;
export type GrantSource = (typeof GRANT_SOURCES)[number];

/**
 * A collaborator grant made through the app: these roles on this project for this person, part of
 * the desired state (DESIGN §3.4). One grant per person and project.
 */
export interface Grant {
  readonly id: string;
  readonly projectUid: string;
  /** Normalised (trimmed, lower case). */
  readonly email: string;
  /** The person's Contentstack uid once known (an invitee may not have one yet). */
  readonly userUid?: string | undefined;
  /** Lytics role slugs. */
  readonly roles: readonly string[];
  /** Epoch ms after which the sync removes the grant's roles and says why. */
  readonly expiresAt?: number | undefined;
  readonly grantedBy: Actor;
  /** Epoch ms. */
  readonly grantedAt: number;
  /** Epoch ms of the last update. */
  readonly updatedAt: number;
  readonly source: GrantSource;
  /** 1 on create, +1 per update; updates and removals name it (optimistic concurrency). */
  readonly version: number;
}

// Slugs are checked against the catalogue or `roles_available` by the caller; here only the shape,
// so a typo'd slug can never reach Lytics through a malformed record.
const roleSlugs = z.array(z.string().regex(/^[a-z][a-z_]*$/, "not a role slug")).min(1);

export const grantSchema = z.strictObject({
  id: z.string().min(1),
  projectUid: z.string().min(1),
  email: z.string().min(3),
  userUid: z.string().min(1).optional(),
  roles: roleSlugs,
  expiresAt: z.number().int().optional(),
  grantedBy: actorSchema,
  grantedAt: z.number().int(),
  updatedAt: z.number().int(),
  source: z.enum(GRANT_SOURCES),
  version: z.number().int().min(1),
});

export const createGrantInputSchema = z.strictObject({
  projectUid: z.string().min(1),
  email: z
    .string()
    .trim()
    .regex(/^[^\s@]+@[^\s@]+$/, "not an email address"),
  userUid: z.string().min(1).optional(),
  roles: roleSlugs,
  expiresAt: z.number().int().optional(),
  grantedBy: actorSchema,
  source: z.enum(GRANT_SOURCES),
});

/** What `create` needs. */
export type CreateGrantInput = z.input<typeof createGrantInputSchema>;

export const updateGrantInputSchema = z.strictObject({
  roles: roleSlugs.optional(),
  /** `null` clears the expiry. */
  expiresAt: z.number().int().nullable().optional(),
  userUid: z.string().min(1).optional(),
});

/** What `update` may change; project and person are the grant's identity and never change. */
export type UpdateGrantInput = z.input<typeof updateGrantInputSchema>;
