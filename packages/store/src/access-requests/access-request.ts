import { z } from "zod";

import { actorSchema, type Actor } from "../support/actor";

/** Where a request stands. Only `pending` may change; the other three are final. */
export const ACCESS_REQUEST_STATUSES = ["pending", "approved", "declined", "withdrawn"] as const;
export type AccessRequestStatus = (typeof ACCESS_REQUEST_STATUSES)[number];

/** The person asking. */
export interface AccessRequester {
  readonly userUid: string;
  /** Normalised (trimmed, lower case). */
  readonly email: string;
  readonly name?: string | undefined;
}

/**
 * A person's request for roles on one Data & Insights project (DESIGN §5): decided once by the
 * project's owner or an organization Owner or Admin; an approval becomes a grant.
 */
export interface AccessRequest {
  readonly id: string;
  readonly requester: AccessRequester;
  readonly projectUid: string;
  /** The project's name when asked (shown even after a rename or a lost read). */
  readonly projectName: string;
  /** Lytics role slugs asked for. */
  readonly roles: readonly string[];
  readonly reason: string;
  readonly status: AccessRequestStatus;
  /** Epoch ms. */
  readonly createdAt: number;
  /** Epoch ms of the last change. */
  readonly updatedAt: number;
  /** Who approved, declined or withdrew it. */
  readonly decidedBy?: Actor | undefined;
  readonly decidedAt?: number | undefined;
  /** Why it was declined (or an approver's note). */
  readonly decisionReason?: string | undefined;
  /** On approval: epoch ms after which the grant lapses. */
  readonly expiresAt?: number | undefined;
  /** 1 on create, +1 per change; a decision names it (optimistic concurrency). */
  readonly version: number;
}

const roleSlugs = z
  .array(z.string().regex(/^[a-z][a-z_]*$/, "not a role slug"))
  .min(1)
  .max(11);

const requesterSchema = z.strictObject({
  userUid: z.string().min(1),
  email: z.string().min(3),
  name: z.string().min(1).optional(),
});

export const accessRequestSchema = z.strictObject({
  id: z.string().min(1),
  requester: requesterSchema,
  projectUid: z.string().min(1),
  projectName: z.string(),
  roles: roleSlugs,
  reason: z.string().max(1000),
  status: z.enum(ACCESS_REQUEST_STATUSES),
  createdAt: z.number().int(),
  updatedAt: z.number().int(),
  decidedBy: actorSchema.optional(),
  decidedAt: z.number().int().optional(),
  decisionReason: z.string().max(1000).optional(),
  expiresAt: z.number().int().optional(),
  version: z.number().int().min(1),
});

export const createAccessRequestInputSchema = z.strictObject({
  requester: requesterSchema.extend({
    email: z
      .string()
      .trim()
      .regex(/^[^\s@]+@[^\s@]+$/, "not an email address"),
  }),
  projectUid: z.string().min(1),
  projectName: z.string(),
  roles: roleSlugs,
  reason: z.string().trim().min(1, "say why you need it").max(1000),
});

/** What `create` takes. */
export type CreateAccessRequestInput = z.input<typeof createAccessRequestInputSchema>;

export const decideAccessRequestInputSchema = z.strictObject({
  status: z.enum(["approved", "declined", "withdrawn"]),
  by: actorSchema,
  reason: z.string().trim().max(1000).optional(),
  expiresAt: z.number().int().optional(),
});

/** What `decide` takes: the final status, who set it, and its reason or expiry. */
export type DecideAccessRequestInput = z.input<typeof decideAccessRequestInputSchema>;
