import { z } from "zod";

/** An item of `GET /v3/organizations/{uid}/roles` → `{roles: [...], count}` (api-notes Part B §3.2). */
export const wireRoleSchema = z.object({
  uid: z.string().min(1),
  name: z.string().min(1),
  description: z.string().nullish(),
  org_uid: z.string().optional(),
  admin: z.boolean().default(false),
  default: z.boolean().optional(),
  users: z.array(z.string()).optional(),
});

export type WireRole = z.infer<typeof wireRoleSchema>;
