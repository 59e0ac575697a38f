import { z } from "zod";

/**
 * An item of `GET /v3/organizations/{uid}/logs` (api-notes C2; `@contentstack/management`
 * types/stack/auditLog): `uid, org_uid, created_at, created_by, module, event_type, request_id,
 * metadata, remote_addr, request, response`. What changed lives in the logged `request` and
 * `response` bodies, which differ per event, so they stay `unknown` here and are read by
 * resources/membership-changes.ts. Only what every item needs to be listed is required.
 */
export const wireAuditLogItemSchema = z
  .object({
    uid: z.string().min(1),
    org_uid: z.string().nullish(),
    created_at: z.string().min(1),
    created_by: z.string().nullish(),
    module: z.string(),
    event_type: z.string(),
    request_id: z.string().nullish(),
    metadata: z.record(z.string(), z.unknown()).nullish(),
    remote_addr: z.string().nullish(),
    request: z.unknown().optional(),
    response: z.unknown().optional(),
  })
  .loose();

/** `{logs: [...]}`; `count` only with `include_count=true`. */
export const wireAuditLogPageSchema = z.object({
  logs: z.array(wireAuditLogItemSchema),
  count: z.number().int().nonnegative().optional(),
});

export type WireAuditLogItem = z.infer<typeof wireAuditLogItemSchema>;
