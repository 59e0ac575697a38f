import { z } from "zod";

/**
 * An item of `GET /v3/organizations/{uid}/logs`. Public samples show `module: "user"` and
 * `event_type: "share"`; the rest of the shape is the emulator's (packages/emulators docs).
 */
export const wireAuditLogItemSchema = z
  .object({
    uid: z.string().min(1),
    module: z.string(),
    event_type: z.string(),
    created_at: z.string().min(1),
    created_by: z.string().nullish(),
    metadata: z.record(z.string(), z.unknown()).optional(),
  })
  .loose();

export const wireAuditLogPageSchema = z.object({
  logs: z.array(wireAuditLogItemSchema),
  count: z.number().int().nonnegative(),
});

export type WireAuditLogItem = z.infer<typeof wireAuditLogItemSchema>;
