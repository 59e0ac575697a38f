import { z } from "zod";

/**
 * An item of `GET /v3/organizations/{uid}/share` and `POST .../share/search` (`shares[]`, api-notes
 * Part B §3.2): one organization user or pending invitation.
 */
export const wireShareSchema = z.object({
  /** The share (invitation) uid. */
  uid: z.string().min(1),
  email: z.string().min(1),
  /** Null while an invitation is pending and the person has no account. */
  user_uid: z.string().nullish(),
  org_uid: z.string().optional(),
  org_roles: z.array(z.string()).default([]),
  status: z.string().optional(),
  /** Emulator-defined: an organization guest/collaborator (not in the public references). */
  guest: z.boolean().optional(),
  invited_by: z.string().nullish(),
  invited_at: z.string().nullish(),
  created_at: z.string().optional(),
  updated_at: z.string().optional(),
  first_name: z.string().nullish(),
  last_name: z.string().nullish(),
  /** With `include_roles=true`: the role objects behind `org_roles`. */
  roles: z
    .array(
      z
        .object({ uid: z.string(), name: z.string().optional(), admin: z.boolean().optional() })
        .loose(),
    )
    .optional(),
});

/** `POST /share/search` answers the same page shape as the listing. */
export const wireSharePageSchema = z.object({
  shares: z.array(wireShareSchema),
  count: z.number().int().nonnegative(),
});

export type WireShare = z.infer<typeof wireShareSchema>;
