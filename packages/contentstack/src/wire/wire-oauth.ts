import { z } from "zod";

/** Token endpoint success body (api-notes Part B §2.3). */
export const wireTokenResponseSchema = z
  .object({
    access_token: z.string().min(1),
    refresh_token: z.string().min(1).optional(),
    token_type: z.string(),
    expires_in: z.number().positive(),
    location: z.string().optional(),
    organization_uid: z.string().optional(),
    user_uid: z.string().optional(),
    authorization_type: z.string().optional(),
    scope: z.string().optional(),
  })
  .loose();

/** `GET {devhub}/manifests/{app_uid}/authorizations` as the Management SDK's logout reads it. */
export const wireAuthorizationListSchema = z.object({
  data: z.array(
    z
      .object({
        authorization_uid: z.string().min(1),
        user: z
          .object({ uid: z.string().min(1) })
          .loose()
          .optional(),
      })
      .loose(),
  ),
});

/** `GET {appUrl}/.well-known/public-keys.json` (api-notes Part B §1.5). */
export const wirePublicKeysSchema = z.object({ "signing-key": z.string().includes("BEGIN") });

export type WireTokenResponse = z.infer<typeof wireTokenResponseSchema>;
