import { z } from "zod";

/** An organization as `GET /v3/user` lists it (api-notes Part B §3.2; roles per the emulator contract). */
export const wireUserOrganizationSchema = z.object({
  uid: z.string().min(1),
  name: z.string(),
  is_owner: z.boolean().optional(),
  org_roles: z
    .array(
      z.object({ uid: z.string().min(1), name: z.string(), admin: z.boolean().optional() }).loose(),
    )
    .optional(),
});

/** `GET /v3/user` → `{user: {...}}`. */
export const wireUserSchema = z.object({
  uid: z.string().min(1),
  email: z.string().min(1),
  username: z.string().optional(),
  first_name: z.string().nullish(),
  last_name: z.string().nullish(),
  org_uid: z.array(z.string()).optional(),
  shared_org_uid: z.array(z.string()).optional(),
  organizations: z.array(wireUserOrganizationSchema).optional(),
});

export const wireUserResponseSchema = z.object({ user: wireUserSchema });

export type WireUser = z.infer<typeof wireUserSchema>;
export type WireUserOrganization = z.infer<typeof wireUserOrganizationSchema>;
