// Wire shapes of the Lytics v2 user API (api-notes Part A §2, §5). Only the fields the client
// reads are declared; zod drops the rest, so extra fields on the live service do no harm.
import { z } from "zod";

/** `{data, status, request_id}`: every successful v2 answer. */
export function v2Envelope<T extends z.ZodType>(data: T) {
  return z.object({ data, status: z.number().int().optional(), request_id: z.string().optional() });
}

/** One entry of a user's `accounts[]`: roles live per account. */
export const wireUserAccountSchema = z.object({
  aid: z.number().int(),
  account_id: z.string().optional(),
  roles: z.array(z.string()).nullish(),
  granted_by: z.string().nullish(),
  created: z.string().nullish(),
  updated: z.string().nullish(),
});

/** `models.UserResp`, reduced to what we use. */
export const wireUserSchema = z.object({
  id: z.string().min(1),
  email: z.string(),
  name: z.string().nullish(),
  created: z.string().nullish(),
  updated: z.string().nullish(),
  last_logon: z.string().nullish(),
  accounts: z.array(wireUserAccountSchema).nullish(),
});

/** `models.RolePolicy` from `GET /v2/account/{aid}?roles=true`. */
export const wireRolePolicySchema = z.object({
  slug: z.string().min(1),
  name: z.string().nullish(),
  description: z.string().nullish(),
  type: z.string().nullish(),
  can_be_assigned: z.boolean().nullish(),
  can_be_shown: z.boolean().nullish(),
});

/** The account, with `roles_available` only when asked for with `roles=true`. */
export const wireAccountSchema = z.object({
  aid: z.number().int(),
  id: z.string().nullish(),
  name: z.string().nullish(),
  roles_available: z.array(wireRolePolicySchema).nullish(),
});

export const wireUserListResponseSchema = v2Envelope(z.array(wireUserSchema));
export const wireUserResponseSchema = v2Envelope(wireUserSchema);
export const wireAccountResponseSchema = v2Envelope(wireAccountSchema);

/**
 * v2 errors: `{status, errors:[{code,message}], request_id}`; a rejected token gets the older
 * `{message, status}` shape even on `/v2`.
 */
export const wireV2ErrorSchema = z.object({
  status: z.number().optional(),
  message: z.string().optional(),
  request_id: z.string().optional(),
  errors: z
    .array(z.object({ code: z.string().optional(), message: z.string().optional() }))
    .optional(),
});

export type WireUser = z.infer<typeof wireUserSchema>;
export type WireUserAccount = z.infer<typeof wireUserAccountSchema>;
export type WireRolePolicy = z.infer<typeof wireRolePolicySchema>;
export type WireAccount = z.infer<typeof wireAccountSchema>;

/** The code, message and request id of a v2 error body, whatever its variant. */
export function readV2Error(body: unknown): {
  apiCode?: string;
  message?: string;
  requestId?: string;
} {
  const parsed = wireV2ErrorSchema.safeParse(body);
  if (!parsed.success) return {};
  const first = parsed.data.errors?.[0];
  return {
    ...(first?.code === undefined ? {} : { apiCode: first.code }),
    ...((first?.message ?? parsed.data.message) === undefined
      ? {}
      : { message: first?.message ?? parsed.data.message }),
    ...(parsed.data.request_id === undefined ? {} : { requestId: parsed.data.request_id }),
  };
}
