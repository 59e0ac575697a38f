import { z } from "zod";

/** `GET /v3/organizations/{uid}` → `{organization: {...}}` (api-notes Part B §3.2). */
export const wireOrganizationSchema = z.object({
  uid: z.string().min(1),
  name: z.string().min(1),
  owner_uid: z.string().min(1),
  enabled: z.boolean().optional(),
  expires_on: z.string().nullish(),
  created_at: z.string().optional(),
  updated_at: z.string().optional(),
  plan: z
    .object({
      features: z
        .array(
          z
            .object({
              uid: z.string(),
              limit: z.number().optional(),
              enabled: z.boolean().optional(),
            })
            .loose(),
        )
        .optional(),
    })
    .loose()
    .optional(),
});

export type WireOrganization = z.infer<typeof wireOrganizationSchema>;
