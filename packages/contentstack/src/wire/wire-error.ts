import { z } from "zod";

/**
 * The CMA error body (api-notes Part B §3.3): `{error_message, error_code, errors}`. Everything is
 * optional because proxies and gateways answer 5xx with bodies of their own.
 */
export const wireCmaErrorSchema = z
  .object({
    error_message: z.string().optional(),
    error_code: z.union([z.number(), z.string()]).optional(),
    errors: z.record(z.string(), z.unknown()).optional(),
    // Some gateways and the Developer Hub answer `{message}` or `{error}`.
    message: z.union([z.string(), z.array(z.string())]).optional(),
    error: z.string().optional(),
  })
  .loose();

export type WireCmaError = z.infer<typeof wireCmaErrorSchema>;
